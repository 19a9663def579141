import * as fs from 'fs';
import * as path from 'path';

/** lib/ walks zod schemas with zod's public API only (classes, `.shape`, `.unwrap()`, `.options`, registries). */
test('no file of lib/ reads zod internals (_zod, ._def)', () => {
  const root = path.resolve(__dirname, '..', '..', 'lib');
  const files = (fs.readdirSync(root, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts'));
  expect(files.length).toBeGreaterThan(50);
  const hits = files.flatMap((f) =>
    fs
      .readFileSync(path.join(root, f), 'utf8')
      .split('\n')
      .flatMap((line, i) => (/\b_zod\b|\._def\b/.test(line) ? [`lib/${f}:${i + 1}: ${line.trim()}`] : [])),
  );
  expect(hits).toEqual([]);
});
