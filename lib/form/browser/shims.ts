/**
 * Globals lib/intake expects from Node, for the browser bundle (esbuild `inject`): `Buffer` (the
 * `buffer` package) and a `process` whose working folder is the embedded estate's root.
 */
import { Buffer } from 'buffer';

const process = {
  cwd: () => '/',
  env: {} as Record<string, string | undefined>,
  platform: 'browser',
  version: '',
  versions: {},
};

export { Buffer, process };
