/**
 * The yaml library, loaded on first use (issue 14): it is 72 modules, about 50 ms of every start, and a
 * run whose declarations all come from the declaration cache, whose atlantis.yaml and form summaries are
 * reused, needs none of it. Every module that parses or writes YAML takes it from here.
 */
import type * as Yaml from 'yaml';

let loaded: typeof Yaml | undefined;

/** The `yaml` package (loaded once, when first asked for). */
export function yamlLib(): typeof Yaml {
  // A plain require, so that nothing loads the package before a YAML text is parsed or written.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (loaded ??= require('yaml') as typeof Yaml);
}
