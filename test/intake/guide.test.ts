import * as fs from 'fs';
import * as path from 'path';
import { parse as parseYaml, parseDocument, stringify } from 'yaml';
import { runCli } from '../../lib/cli/main';
import { validateFiles } from '../../lib/intake';
import { fixedClock } from '../../lib/model';
import { AS_OF, REPO, copyExampleEstate, tempDir } from '../fixtures/estate';

const GUIDE = fs.readFileSync(path.join(REPO, 'docs', 'intake-guide.md'), 'utf8');
const blocks = [...GUIDE.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!);
const complete = blocks.filter((b) => b.startsWith('# yaml-language-server:'));
const system = complete.find((b) => b.includes('systemId:'))!;
const vlans = complete.find((b) => b.includes('dedicatedVlans:'))!;

/**
 * The guide's complete examples, placed where the guide says (estate/systems/somu/kaigi.yaml; the
 * dedicated VLAN in the platform files), in a copy of the example estate whose own declaration of
 * that VLAN is taken out.
 */
function guideEstate(): string {
  return copyExampleEstate((d) => {
    const networks = path.join(d, 'platform', 'networks.yaml');
    const data = parseYaml(fs.readFileSync(networks, 'utf8')) as Record<string, unknown>;
    delete data.dedicatedVlans;
    fs.writeFileSync(networks, `# yaml-language-server: $schema=../../../schemas/platform.schema.json\n${stringify(data)}`);
    fs.writeFileSync(path.join(d, 'platform', 'vlans.yaml'), vlans);
    fs.mkdirSync(path.join(d, 'systems', 'somu'), { recursive: true });
    fs.writeFileSync(path.join(d, 'systems', 'somu', 'kaigi.yaml'), system);
  });
}

describe('docs/intake-guide.md', () => {
  test('covers the topics of issue 6', () => {
    for (const h of ['新しいシステム', 'V2V', 'ディスクを追加', 'バックアップ領域', '専用ネットワーク', '利用を停止']) expect(GUIDE).toContain(h);
  });

  test('every YAML example is valid YAML; the guide\'s system does not collide with an example system', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(8);
    expect(complete.length).toBeGreaterThanOrEqual(2);
    for (const b of blocks) expect(parseDocument(b).errors).toEqual([]);
    const id = (parseYaml(system) as { systemId: string }).systemId;
    const example = copyExampleEstate();
    expect(fs.existsSync(path.join(example, 'systems', 'somu', `${id}.yaml`))).toBe(false);
    expect(GUIDE).toContain(`estate/systems/somu/${id}.yaml`);
  });

  test('its complete examples validate and synthesize as written, in the estate next to the example systems', () => {
    const dir = guideEstate();
    const r = validateFiles([path.join(dir, 'systems', 'somu', 'kaigi.yaml'), path.join(dir, 'platform', 'vlans.yaml')], { estate: dir, clock: fixedClock(AS_OF) });
    expect(r.errors).toEqual([]);
    expect(r.warnings.filter((w) => w.code.startsWith('KIBAN'))).toEqual([]);
    const out = path.join(tempDir(), 'out');
    const err: string[] = [];
    expect(runCli(['synth', '--estate', dir, '--out', out, '--quiet', '--now', AS_OF], { out: () => undefined, err: (s) => err.push(s) })).toBe(0);
    expect(fs.existsSync(path.join(out, 'stacks', 'kaigi', 'cdk.tf.json'))).toBe(true);
    expect(fs.readFileSync(path.join(out, 'review', 'kaigi.md'), 'utf8')).toContain('会議室予約システム');
  });
});
