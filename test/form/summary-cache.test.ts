import { openSummaryCache } from '../../lib/form/summary-cache';
import { ToolCache } from '../../lib/model/tool';

// Issue 14: the form page's YAML summaries are kept from run to run, keyed by the redacted data.

function memoryCache(): ToolCache & { files: Map<string, string> } {
  const files = new Map<string, string>();
  return { dir: '(memory)', files, read: (n) => files.get(n), write: (n, t) => void files.set(n, t) };
}

describe('form summary cache (issue 14)', () => {
  test('a summary is rendered once, then read back by the next run; changed data is rendered again', () => {
    const store = memoryCache();
    const calls: string[] = [];
    const render = (s: string) => () => (calls.push(s), `summary of ${s}`);
    const first = openSummaryCache('/estate', store);
    expect(first.get({ systemId: 'a' }, render('a'))).toBe('summary of a');
    first.save();
    const second = openSummaryCache('/estate', store);
    expect(second.get({ systemId: 'a' }, render('a2'))).toBe('summary of a');
    expect(second.get({ systemId: 'b' }, render('b'))).toBe('summary of b');
    second.save();
    expect(calls).toEqual(['a', 'b']);
    // Another estate folder has its own file; only entries a run used are kept.
    expect(openSummaryCache('/other', store).get({ systemId: 'a' }, render('other'))).toBe('summary of other');
    const third = openSummaryCache('/estate', store);
    third.get({ systemId: 'b' }, render('b2'));
    third.save();
    expect(openSummaryCache('/estate', store).get({ systemId: 'a' }, render('a3'))).toBe('summary of a3');
  });

  test('data JSON cannot carry exactly is never cached; a damaged entry is rendered again', () => {
    const store = memoryCache();
    let n = 0;
    const render = () => `r${++n}`;
    const c = openSummaryCache('/estate', store);
    expect([c.get({ x: -0 }, render), c.get({ x: -0 }, render)]).toEqual(['r1', 'r2']);
    c.get({ x: 1 }, render);
    c.save();
    const [name, text] = [...store.files][0]!;
    store.files.set(name, text.replace(/ "r3"$/m, ' {broken'));
    expect(openSummaryCache('/estate', store).get({ x: 1 }, render)).toBe('r4');
  });
});
