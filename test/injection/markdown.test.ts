/**
 * Issue 10, item 4: every declared text in every Markdown output (review documents, ledgers, the
 * diff, impact, the Hyper-V README) passes the one neutralizer: no link, image, autolink or HTML
 * comes out of a declaration. Walks every string field of the JSON Schemas like the Terraform test.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { Estate } from '../../lib/model';
import { synthesize } from '../../lib/synth/pipeline';
import { hypervStage } from '../../lib/hyperv/stage';
import { reviewStage } from '../../lib/review/stage';
import { runRulePack } from '../../lib/rules/engine';
import { SynthStage } from '../../lib/model/synth-stage';
import { buildEstateManifest, diffManifests, renderDiffMarkdown } from '../../lib/review';
import { impactOf, renderImpact } from '../../lib/review/impact';
import { md } from '../../lib/model/markdown';
import {
  VLANS,
  declarations,
  declare,
  hostileEstate,
  inject,
  schemaRejects,
  stringFields,
  stringSlots,
} from './schema-walk';

const HOST = 'kiban-inj.example';
const PAYLOADS = [
  `[click](https://${HOST}/a)`,
  `![img](https://${HOST}/i.png)`,
  `<a href="https://${HOST}">x</a>`,
  `<img src=x onerror=kibanInj()>`,
  `<https://${HOST}/auto>`,
  `https://${HOST}/bare`,
  `www.${HOST}`,
  `<!-- kibanInj -->`,
  `\\[x\\](https://${HOST}/pre-escaped)`,
  `[x][r] [r]: https://${HOST}/ref`,
  `\`[x](https://${HOST}/in-code)\``,
  `<details><summary>kibanInj</summary>`,
];
const RUNS = Number(process.env.FC_RUNS ?? 3);

// GitHub renders the outputs: raw HTML on, autolinks of http(s):// and www. (GFM), not bare domains.
const parser = new MarkdownIt({ html: true, linkify: true });
parser.linkify.set({ fuzzyLink: false, fuzzyEmail: false });

/** Links, images and HTML a payload produced in a Markdown text, as markdown-it parses it. */
export function live(markdown: string): string[] {
  const bad: string[] = [];
  const visit = (tokens: ReturnType<MarkdownIt['parse']>) => {
    for (const t of tokens) {
      const attrs = (t.attrs ?? []).map(([, v]) => v).join(' ');
      if ((t.type === 'link_open' || t.type === 'image') && attrs.includes(HOST)) bad.push(`${t.type} ${attrs}`);
      if ((t.type === 'html_inline' || t.type === 'html_block') && /kibanInj|kiban-inj/i.test(t.content))
        bad.push(`${t.type} ${t.content.trim()}`);
      if (t.children) visit(t.children);
    }
  };
  visit(parser.parse(markdown, {}));
  // GitHub's autolinks work on the raw text (cmark-gfm), which markdown-it's linkify only approximates.
  for (const m of markdown.match(new RegExp(`(https?://|www\\.)${HOST.replace('.', '\\.')}`, 'g')) ?? [])
    bad.push(`autolink ${m}`);
  return bad;
}

/** The rule pack's findings (they quote declared text) without aborting on the fixtures' rule errors. */
const findingsOnly: SynthStage = {
  name: 'rules',
  run: (ctx) => void ctx.findings.push(...runRulePack(ctx.estate, { clock: ctx.clock }).findings),
};

/** Every Markdown output of a synth of `estate`, plus the diff against `baseline` and an impact query. */
function markdownOutputs(estate: Estate, baseline: Estate): Map<string, string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiban-inj-md-'));
  const out = path.join(dir, 'out');
  try {
    synthesize(estate, { outdir: out, stages: [findingsOnly, hypervStage(), reviewStage()] });
    const files = new Map<string, string>();
    const walk = (d: string, rel: string): void => {
      for (const e of fs.readdirSync(d, { withFileTypes: true })) {
        if (e.isDirectory()) walk(path.join(d, e.name), `${rel}${e.name}/`);
        else if (e.name.endsWith('.md')) files.set(`${rel}${e.name}`, fs.readFileSync(path.join(d, e.name), 'utf8'));
      }
    };
    walk(out, '');
    const base = buildEstateManifest(baseline);
    const head = buildEstateManifest(estate);
    const d = diffManifests(base, head);
    files.set('(diff)', renderDiffMarkdown(base, head, d.changes, d.errors));
    files.set('(diff reverse)', renderDiffMarkdown(head, base, diffManifests(head, base).changes, []));
    files.set('(impact)', renderImpact(impactOf(head, { kind: 'datastore', name: 'kiban-sys-ds01' })));
    return files;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('Markdown injection (issue 10, item 4)', () => {
  test('md returns plain text unchanged and gives the full replacement chain for everything else (issue 14 fast path)', () => {
    const ZW = '\u200b';
    const E: Record<string, string> = {
      '\\': '\\\\',
      '[': '\\[',
      ']': '\\]',
      '`': '\\`',
      '|': '\\|',
      '<': '&lt;',
      '>': '&gt;',
    };
    const slow = (v: string) =>
      v
        .replace(/[\r\n]+/g, ' ')
        .replace(/[\\[\]`|<>]/g, (c) => E[c]!)
        .replace(/:\/\//g, `:/${ZW}/`)
        .replace(/\b(www)\./gi, `$1${ZW}.`);
    for (const v of ['総務部', 'WWW.x', 'awww.x', 'a://b', 'a\r\nb', 'x|y', ''])
      expect([v, md(v)]).toEqual([v, slow(v)]);
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom(
            'w',
            'W',
            '.',
            ':',
            '/',
            '\r',
            '\n',
            '\\',
            '[',
            ']',
            '`',
            '|',
            '<',
            '>',
            'a',
            '部',
            ' ',
          ),
        }),
        (v) => md(v) === slow(v),
      ),
      { numRuns: 500, seed: 14 },
    );
  });

  test('md neutralizes links, images, autolinks and HTML, and keeps the rendered text', () => {
    for (const p of PAYLOADS) expect([p, live(md(p))]).toEqual([p, []]);
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom(
            '[',
            ']',
            '(',
            ')',
            '!',
            '<',
            '>',
            '\\',
            '`',
            '|',
            ':',
            '/',
            'h',
            't',
            'p',
            's',
            'w',
            '.',
            'a',
            ' ',
            '*',
            '&',
          ),
        }),
        (s) => {
          expect(live(md(`${s}https://${HOST}`))).toEqual([]);
          return !/<a |<img /.test(parser.renderInline(md(s)));
        },
      ),
      { numRuns: 300, seed: 4 },
    );
    // The reader sees the declared text (escapes and entities render as the characters).
    expect(parser.renderInline(md('[a](b) <c> a\\b `d` e|f')).replace(/\u200b/g, '')).toBe(
      '[a](b) &lt;c&gt; a\\b `d` e|f',
    );
  });

  test('the fixtures hold every string field of the JSON Schemas the schema does not already close', () => {
    const held = new Set([
      ...declarations().flatMap((d) => stringSlots(d).map((s) => s.schemaPath)),
      ...stringSlots(VLANS[0]).map((s) => `dedicatedVlans.*.${s.schemaPath}`),
    ]);
    const samples = PAYLOADS.flatMap((p) =>
      ['', 'a', 'abc-01'].flatMap((v) => [0, 0.5, 1].map((w) => inject(v, p, w))),
    );
    expect([...stringFields()].filter(([p, b]) => !held.has(p) && !schemaRejects(b, samples)).map(([p]) => p)).toEqual(
      [],
    );
  });

  test('property: a payload in any declared text never becomes a link, image or HTML in any Markdown output', () => {
    const baseline = declare(declarations())!;
    const everAccepted = new Set<string>();
    const check = (payload: string, where: number) => {
      const bad = [...markdownOutputs(hostileEstate(payload, where, everAccepted), baseline)].flatMap(([file, text]) =>
        live(text).map((b) => `${file}: ${b}`),
      );
      expect(bad).toEqual([]);
    };
    PAYLOADS.forEach((p, i) => check(p, [0, 0.5, 1][i % 3]!));
    fc.assert(
      fc.property(
        fc.constantFrom(...PAYLOADS),
        fc.string({ maxLength: 4 }),
        fc.constantFrom(0, 0.5, 1),
        (p, pre, where) => check(`${pre}${p}`, where),
      ),
      { numRuns: RUNS, seed: 11 },
    );
    expect([...everAccepted]).toEqual(
      expect.arrayContaining([
        'systemName',
        'contacts.primary.nameJa',
        'servers.*.roleJa',
        'servers.*.source.remoteOvfUrl',
        'servers.*.snapshots.*.purposeJa',
        'acknowledgements.*.reasonJa',
        'dedicatedVlans.*.descriptionJa',
      ]),
    );
  });
});
