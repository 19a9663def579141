import { Construct } from 'constructs';
import { z } from 'zod';
import { DeclarationError, DeclarationIssue } from './errors';
import { zodToIssues } from './zod-issues';

/** The construct path a child with `id` will get under `scope`. */
export function pathOf(scope: Construct, id: string): string {
  return [scope.node.path, id].filter((p) => p !== '').join('/');
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
  const result = schema.safeParse(props);
  if (!result.success) throw new DeclarationError(zodToIssues(result.error, props, location, fieldPrefix, { schema }));
  return result.data;
}

/** Throws if any issues were collected. */
export function throwIfAny(issues: readonly DeclarationIssue[]): void {
  if (issues.length > 0) throw new DeclarationError(issues);
}
