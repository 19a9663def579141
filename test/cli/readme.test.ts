import * as fs from 'fs';
import * as path from 'path';
import { REPO, copyExampleEstate, tempDir } from '../fixtures/estate';

test('the README\'s "system in about 25 lines" runs as written (on a copy of the example estate)', () => {
  const readme = fs.readFileSync(path.join(REPO, 'README.md'), 'utf8');
  const block = /## A system in about 25 lines\n+```ts\n([\s\S]*?)```/.exec(readme)![1]!;
  expect(block).toContain("loadPlatform('examples/estate')");
  const file = path.join(tempDir(), 'snippet.ts');
  const lib = (m: string) => JSON.stringify(path.join(REPO, 'lib', m));
  fs.writeFileSync(
    file,
    block
      .replace("'./lib/model'", lib('model'))
      .replace("'./lib/intake'", lib('intake'))
      .replace("'examples/estate'", JSON.stringify(copyExampleEstate())),
  );
  expect(() => require(file)).not.toThrow();
});
