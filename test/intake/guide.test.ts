import * as fs from 'fs';
import * as path from 'path';
import { parseDocument } from 'yaml';
import { validateSources } from '../../lib/intake';
import { CODES_DOC } from '../../lib/intake/codes-doc';
import { generatedFiles } from '../../lib/intake/write-schema';
import { JARGON, MISTAKES, check } from './mistakes';

const ROOT = path.join(__dirname, '..', '..');
const GUIDE = fs.readFileSync(path.join(ROOT, 'docs', 'intake-guide.md'), 'utf8');
const blocks = [...GUIDE.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!);
const complete = blocks.filter((b) => b.startsWith('# yaml-language-server:') && /^(department|dedicatedVlans):/m.test(b));

describe('docs/intake-guide.md (for department staff, not developers)', () => {
  test('covers getting set up, the common tasks and reading the messages', () => {
    for (const h of ['Node.js', 'node -v', 'git clone', 'npm ci', 'npx kiban validate', '新しいシステム', '複製', 'V2V', 'ディスクを追加', 'バックアップ領域', '専用ネットワーク', 'Oracle Database', '利用を停止', 'descriptionJa', '概要', 'codes.md', '検査の結果の読み方', 'よくあるメッセージと対処']) expect(GUIDE).toContain(h);
  });

  test('every YAML example is valid YAML; every complete example passes the validator (no errors)', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(12);
    expect(complete.length).toBeGreaterThanOrEqual(9);
    for (const b of blocks) expect(parseDocument(b).errors).toEqual([]);
    const vlans = complete.filter((b) => b.includes('dedicatedVlans:'));
    expect(vlans).toHaveLength(1);
    // each system example on its own, with the dedicated VLANs of the guide as context
    for (const [i, text] of complete.entries()) {
      if (text.includes('dedicatedVlans:')) continue;
      const r = validateSources([{ path: `guide/vlans.yaml`, text: vlans[0]! }, { path: `guide/block-${i}.yaml`, text }]);
      expect({ block: i, errors: r.errors.map((e) => `${e.location} ${e.messageJa}`) }).toEqual({ block: i, errors: [] });
    }
    // and all together (system ids are unique)
    expect(validateSources(complete.map((text, i) => ({ path: `guide/block-${i}.yaml`, text }))).errors).toEqual([]);
  });

  test('every message of the table "よくあるメッセージと対処" is one the validator really shows', () => {
    const section = GUIDE.slice(GUIDE.indexOf('## 13. よくあるメッセージと対処'), GUIDE.indexOf('## 14.'));
    const fragments = section
      .split('\n')
      .filter((l) => l.startsWith('| `'))
      .flatMap((l) => [...l.split(' | ')[0]!.matchAll(/`([^`]+)`/g)].map((m) => m[1]!));
    expect(fragments.length).toBeGreaterThanOrEqual(20);
    const shown = MISTAKES.flatMap((m) => check(m).errors.map((e) => e.messageJa));
    const sjis = validateSources([{ path: 'systems/somu/x.yaml', text: Uint8Array.from([0x82, 0xa0, 0x0a]) }]);
    shown.push(...sjis.errors.map((e) => e.messageJa));
    for (const f of fragments) {
      const re = new RegExp(f.split('…').map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.+'));
      expect({ fragment: f, found: shown.some((s) => re.test(s)) }).toEqual({ fragment: f, found: true });
    }
  });

  test('the guide speaks plainly: no programming words outside code', () => {
    const prose = GUIDE.replace(/```[\s\S]*?```/g, '').replace(/`[^`]*`/g, '').replace(/<[^>]+>/g, '');
    expect(prose).not.toMatch(JARGON);
  });
});

describe('docs/codes.md (generated from the platform data and the guest OS catalog)', () => {
  test('is fresh (regenerate with npm run schema)', () => {
    const want = generatedFiles()[CODES_DOC]!;
    expect(fs.readFileSync(path.join(ROOT, CODES_DOC), 'utf8')).toBe(want);
  });

  test('lists the department codes with their names, the networks, templates and guest OS keys', () => {
    const text = generatedFiles()[CODES_DOC]!;
    for (const s of ['| kankyo | 環境生活部 |', '| lgwan | 庁内ネットワーク（LGWAN接続系）', '| rhel7 | rhel_7 |', '| windows_server_2019 | Windows Server 2019 |', '| kiban-bk-ds01 | バックアップ用', '| phase | 工程 | production | 本番稼働 |', '.memoryGb | メモリ容量（GB） | R27 | 16 |']) expect(text).toContain(s);
  });
});
