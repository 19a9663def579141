/**
 * `crypto` for the browser bundle: constructs imports it for `node.addr` (an MD5 of the path),
 * which the model, the rules and the review never call. Calling it fails loudly rather than
 * returning a wrong address.
 */
export function createHash(algorithm: string): never {
  throw new Error(`crypto.createHash(${algorithm}) is not available in the form page`);
}
