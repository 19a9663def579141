import * as fs from 'fs';
import * as path from 'path';
import { parse as parseYaml, parseDocument } from 'yaml';
import { runCli } from '../../lib/cli/main';
import { validateFiles, validateSources } from '../../lib/intake';
import { CODES_DOC } from '../../lib/intake/codes-doc';
import { generatedFiles } from '../../lib/intake/write-schema';
import { fixedClock } from '../../lib/model';
import { AS_OF, REPO, copyExampleEstate, sharedExampleEstate, tempDir } from '../fixtures/estate';
import { JARGON, MISTAKES, check } from './mistakes';

const GUIDE = fs.readFileSync(path.join(REPO, 'docs', 'intake-guide.md'), 'utf8');
const blocks = [...GUIDE.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!);
const complete = blocks.filter(
  (b) => b.startsWith('# yaml-language-server:') && /^(department|dedicatedVlans):/m.test(b),
);
const systems = complete.filter((b) => b.includes('systemId:'));
const vlans = complete.find((b) => b.includes('dedicatedVlans:'))!;
const idOf = (b: string) => parseYaml(b) as { department: string; systemId: string };

/**
 * The guide's complete examples placed where the guide says (estate/systems/<department>/<systemId>.yaml,
 * the dedicated VLAN in a platform file), in a copy of the example estate, next to its systems.
 */
function guideEstate(): string {
  return copyExampleEstate((d) => {
    // the guide's dedicated VLAN joins the list of the platform's networks file
    const networks = path.join(d, 'platform', 'networks.yaml');
    const item = vlans.slice(vlans.indexOf('dedicatedVlans:\n') + 'dedicatedVlans:\n'.length);
    fs.writeFileSync(networks, `${fs.readFileSync(networks, 'utf8').trimEnd()}\n${item}`);
    for (const b of systems) {
      const { department, systemId } = idOf(b);
      fs.mkdirSync(path.join(d, 'systems', department), { recursive: true });
      fs.writeFileSync(path.join(d, 'systems', department, `${systemId}.yaml`), b);
    }
  });
}

describe('docs/intake-guide.md (for department staff, not developers)', () => {
  test('covers getting set up, the common tasks and reading the messages', () => {
    for (const h of [
      'Node.js',
      'node -v',
      'git clone',
      'npm ci',
      'npx kiban validate',
      '新しいシステム',
      '複製',
      'V2V',
      'ディスクを追加',
      'バックアップ領域',
      '専用ネットワーク',
      'Oracle Database',
      '利用を停止',
      'descriptionJa',
      '概要',
      'codes.md',
      '検査の結果の読み方',
      'よくあるメッセージと対処',
    ])
      expect(GUIDE).toContain(h);
  });

  test("every YAML example is valid YAML; the guide's systems do not collide with the example systems", () => {
    expect(blocks.length).toBeGreaterThanOrEqual(12);
    expect(systems.length).toBeGreaterThanOrEqual(8);
    for (const b of blocks) expect(parseDocument(b).errors).toEqual([]);
    const example = sharedExampleEstate();
    for (const b of systems) {
      const { department, systemId } = idOf(b);
      expect(fs.existsSync(path.join(example, 'systems', department, `${systemId}.yaml`))).toBe(false);
    }
    expect(GUIDE).toContain(`estate/systems/somu/${idOf(systems[0]!).systemId}.yaml`);
  });

  test('its complete examples validate as written, in the estate next to the example systems (no errors)', () => {
    const dir = guideEstate();
    const files = systems.map((b) => path.join(dir, 'systems', idOf(b).department, `${idOf(b).systemId}.yaml`));
    const r = validateFiles([...files, path.join(dir, 'platform', 'networks.yaml')], {
      estate: dir,
      clock: fixedClock(AS_OF),
    });
    expect(r.errors.map((e) => `${e.location} ${e.messageJa}`)).toEqual([]);
    expect(r.warnings.filter((w) => w.code.startsWith('KIBAN'))).toEqual([]);
  });

  test('the first example synthesizes as written', () => {
    const dir = guideEstate();
    const { systemId, systemName } = parseYaml(systems[0]!) as { systemId: string; systemName: string };
    const out = path.join(tempDir(), 'out');
    const err: string[] = [];
    expect(
      runCli(['synth', '--estate', dir, '--out', out, '--quiet', '--now', AS_OF], {
        out: () => undefined,
        err: (s) => err.push(s),
      }),
    ).toBe(0);
    expect(fs.existsSync(path.join(out, 'stacks', systemId, 'cdk.tf.json'))).toBe(true);
    expect(fs.readFileSync(path.join(out, 'review', `${systemId}.md`), 'utf8')).toContain(systemName);
  });

  test('every message of the table "よくあるメッセージと対処" is one the validator really shows', () => {
    const section = GUIDE.slice(GUIDE.indexOf('## 13. よくあるメッセージと対処'), GUIDE.indexOf('## 14.'));
    const fragments = section
      .split('\n')
      .filter((l) => l.startsWith('| `'))
      .flatMap((l) => [...l.split(' | ')[0]!.matchAll(/`([^`]+)`/g)].map((m) => m[1]!));
    expect(fragments.length).toBeGreaterThanOrEqual(20);
    const shown = MISTAKES.flatMap((m) => check(m).errors.map((e) => e.messageJa));
    const sjis = validateSources(
      [
        {
          path: path.join(sharedExampleEstate(), 'systems', 'somu', 'x.yaml'),
          text: Uint8Array.from([0x82, 0xa0, 0x0a]),
        },
      ],
      { estate: sharedExampleEstate(), clock: fixedClock(AS_OF) },
    );
    shown.push(...sjis.errors.map((e) => e.messageJa));
    for (const f of fragments) {
      const re = new RegExp(
        f
          .split('…')
          .map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
          .join('.+'),
      );
      expect({ fragment: f, found: shown.some((s) => re.test(s)) }).toEqual({ fragment: f, found: true });
    }
  });

  test('the guide speaks plainly: no programming words outside code', () => {
    const prose = GUIDE.replace(/```[\s\S]*?```/g, '')
      .replace(/`[^`]*`/g, '')
      .replace(/<[^>]+>/g, '');
    expect(prose).not.toMatch(JARGON);
  });
});

describe('docs/codes.md (generated from the platform data and the guest OS catalog)', () => {
  test('is fresh (regenerate with npm run schema)', () => {
    expect(fs.readFileSync(path.join(REPO, CODES_DOC), 'utf8')).toBe(generatedFiles()[CODES_DOC]);
  });

  test('lists the department codes with their names, the networks, templates and guest OS keys', () => {
    const text = generatedFiles()[CODES_DOC]!;
    for (const s of [
      '| kankyo | 環境生活部 |',
      '| lgwan | 庁内ネットワーク（LGWAN接続系）',
      '| rhel7 | rhel_7 |',
      '| windows_server_2019 | Windows Server 2019 |',
      '| kiban-bk-ds01 | バックアップ用',
      '| phase | 工程 | production | 本番稼働 |',
      '.memoryGb | メモリ容量（GB） | R27 | 16 |',
    ])
      expect(text).toContain(s);
  });
});
