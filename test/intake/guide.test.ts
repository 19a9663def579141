import * as fs from 'fs';
import * as path from 'path';
import { parseDocument } from 'yaml';
import { validateSources } from '../../lib/intake';

const GUIDE = fs.readFileSync(path.join(__dirname, '..', '..', 'docs', 'intake-guide.md'), 'utf8');
const blocks = [...GUIDE.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!);

describe('docs/intake-guide.md', () => {
  test('covers the topics of issue 6', () => {
    for (const h of ['新しいシステム', 'V2V', 'ディスクを追加', 'バックアップ領域', '専用ネットワーク', '利用を停止']) expect(GUIDE).toContain(h);
  });

  test('every YAML example is valid YAML; complete declarations pass the validator', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(8);
    const complete = blocks.filter((b) => b.startsWith('# yaml-language-server:'));
    expect(complete.length).toBeGreaterThanOrEqual(2);
    for (const b of blocks) expect(parseDocument(b).errors).toEqual([]);
    const vlans = complete.find((b) => b.includes('dedicatedVlans:'))!;
    const sources = complete.map((text, i) => ({ path: `guide/block-${i}.yaml`, text }));
    const r = validateSources(sources);
    expect(r.errors).toEqual([]);
    expect(vlans).toBeDefined();
  });
});
