import { createReporter, progressBar } from '../../lib/cli/output';

function sinks() {
  const out = { progress: [] as string[], findings: [] as string[], errors: [] as string[], summary: [] as string[] };
  return {
    out,
    sinks: {
      progress: (s: string) => void out.progress.push(s),
      findings: (s: string) => void out.findings.push(s),
      errors: (s: string) => void out.errors.push(s),
      summary: (s: string) => void out.summary.push(s),
    },
  };
}

describe('CLI output fitted to its runner', () => {
  test('not a terminal: plain lines, at most one per tenth of a stage, never a carriage return', () => {
    const { out, sinks: s } = sinks();
    const r = createReporter(s, { tty: false });
    for (let i = 1; i <= 100; i++) r.progress('vsphere', i, 100);
    for (let i = 1; i <= 3; i++) r.progress('hyperv', i, 3);
    expect(out.progress.join('')).not.toContain('\r');
    expect(out.progress.every((l) => /^\[(vsphere|hyperv)\] \d+\/\d+\n$/.test(l))).toBe(true);
    expect(out.progress.filter((l) => l.startsWith('[vsphere]')).length).toBe(11); // the first step, one per tenth, the last
    expect(out.progress).toContain('[vsphere] 100/100\n');
    expect(out.progress.filter((l) => l.startsWith('[hyperv]'))).toEqual([
      '[hyperv] 1/3\n',
      '[hyperv] 2/3\n',
      '[hyperv] 3/3\n',
    ]);
  });

  test('terminal: one bar redrawn in place, cleared before a warning, ended by a newline', () => {
    const { out, sinks: s } = sinks();
    const r = createReporter(s, { tty: true, barWidth: 10 });
    r.progress('review', 5, 10);
    r.finding('WARNING [R22] x');
    r.progress('review', 10, 10);
    expect(out.progress).toEqual([
      `\r${progressBar('review', 5, 10, 10)}\x1b[K`,
      '\r\x1b[K',
      `\r${progressBar('review', 10, 10, 10)}\x1b[K`,
      '\n',
    ]);
    expect(progressBar('review', 5, 10, 10)).toBe('[review] █████░░░░░ 5/10');
    expect(out.findings).toEqual(['WARNING [R22] x\n']);
  });

  test('quiet: only errors and the summary', () => {
    const { out, sinks: s } = sinks();
    const r = createReporter(s, { tty: true, quiet: true });
    r.progress('rules', 1, 1);
    r.finding('WARNING [R22] x');
    r.findingCount('rules: 0 error(s)');
    r.error('ERROR [R24] y');
    r.summary('wrote 3 files to out');
    expect(out).toEqual({
      progress: [],
      findings: [],
      errors: ['ERROR [R24] y\n'],
      summary: ['wrote 3 files to out\n'],
    });
  });
});
