// Issue 14: a start loads only what the command needs. The CLI's entry module loads none of the other
// commands' modules (diff, plan review, impact), the yaml library or cdktf; each is required on use.
const LAZY = ['../../lib/review/diff', '../../lib/review/plan-review', '../../lib/review/impact', 'yaml', 'cdktf'];

test.each(LAZY)('loading lib/cli/main.ts does not load %s', (id) => {
  let loaded = false;
  let byMain: boolean | undefined;
  jest.isolateModules(() => {
    jest.doMock(id, () => {
      loaded = true;
      return jest.requireActual(id);
    });
    require('../../lib/cli/main');
    byMain = loaded;
    require(id); // the mock is in place: requiring the module now is seen
  });
  jest.dontMock(id);
  expect({ byMain, afterwards: loaded }).toEqual({ byMain: false, afterwards: true });
});
