/**
 * Regenerates the JSON Schemas of the declaration files from the zod schemas of lib/model, and the
 * department staff's list of codes and keys (docs/codes.md) from the platform data.
 * Run: npx ts-node --transpile-only lib/intake/write-schema.ts [--check]
 */
import * as fs from 'fs';
import * as path from 'path';
import { CODES_DOC, codesDocument } from './codes-doc';
import { loadPlatform } from './estate';
import { schemaFiles } from './schema';

/** The estate whose codes docs/codes.md lists: the example estate of this repository. */
export const CODES_ESTATE = path.join('examples', 'estate');

/** Every generated file kept in the repository, by path relative to the repository root. */
export function generatedFiles(root: string = path.resolve(__dirname, '..', '..')): Record<string, string> {
  return { ...schemaFiles(), [CODES_DOC]: codesDocument(loadPlatform(path.join(root, CODES_ESTATE))) };
}

export function writeSchemas(root: string, check = false): string[] {
  const stale: string[] = [];
  for (const [rel, text] of Object.entries(generatedFiles(root))) {
    const file = path.join(root, rel);
    const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
    if (current === text) continue;
    stale.push(rel);
    if (!check) {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(`${file}.tmp`, text);
      fs.renameSync(`${file}.tmp`, file);
    }
  }
  return stale;
}

if (require.main === module) {
  const check = process.argv.includes('--check');
  const stale = writeSchemas(path.resolve(__dirname, '..', '..'), check);
  if (check && stale.length > 0) {
    console.error(`stale JSON Schema(s): ${stale.join(', ')}; run npm run schema`);
    process.exit(1);
  }
  console.log(stale.length === 0 ? 'schemas up to date' : `${check ? 'stale' : 'wrote'}: ${stale.join(', ')}`);
}
