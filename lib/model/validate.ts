import { Construct } from 'constructs';
import { z } from 'zod';
import { DeclarationError, DeclarationIssue } from './errors';
import { zodToIssues } from './zod-issues';

/** The construct path a child with `id` will get under `scope`. */
export function pathOf(scope: Construct, id: string): string {
  return [scope.node.path, id].filter((p) => p !== '').join('/');
}

/** Parse results handed from a check to the construction that follows it (see {@link rememberParse}). */
const justParsed = new WeakMap<object, { readonly schema: z.ZodType; readonly data: unknown }>();

/**
 * Hands a successful parse of `input` by `schema` to the next {@link parseProps} of the same object by
 * the same schema, which takes it instead of parsing again, once (issue 14: the intake checks each
 * declaration with the system schema and then builds the construct from it, the same schema on the same
 * object, so the verdict is the same; a second zod pass was a tenth of loading 1,000 systems). Any
 * later parseProps of that object parses again.
 */
export function rememberParse(schema: z.ZodType, input: unknown, data: unknown): void {
  if (typeof input === 'object' && input !== null) justParsed.set(input, { schema, data });
}

/**
 * Parses props with a zod schema; on failure throws one DeclarationError listing every problem,
 * located at the construct path.
 */
export function parseProps<S extends z.ZodType>(
  schema: S,
  props: unknown,
  location: string,
  fieldPrefix = '',
): z.output<S> {
  const known = typeof props === 'object' && props !== null ? justParsed.get(props) : undefined;
  if (known !== undefined) {
    justParsed.delete(props as object);
    if (known.schema === schema) return known.data as z.output<S>;
  }
  const result = schema.safeParse(props);
  if (!result.success) throw new DeclarationError(zodToIssues(result.error, props, location, fieldPrefix, { schema }));
  return result.data;
}

/** Throws if any issues were collected. */
export function throwIfAny(issues: readonly DeclarationIssue[]): void {
  if (issues.length > 0) throw new DeclarationError(issues);
}
