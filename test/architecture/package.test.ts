import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.join(__dirname, '..', '..');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  main?: string;
  types?: string;
  bin?: Record<string, string>;
};

describe('package.json entry points', () => {
  test('every entry point is a file in the repository (nothing points into an unbuilt dist/)', () => {
    const entries = [pkg.main, pkg.types, ...Object.values(pkg.bin ?? {})].filter((x): x is string => x !== undefined);
    expect(entries.length).toBeGreaterThan(0);
    for (const e of entries) expect(fs.existsSync(path.join(ROOT, e))).toBe(true);
  });
});
