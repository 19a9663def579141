import MarkdownIt from 'markdown-it';
import {
  DedicatedVlan,
  DedicatedVlanProps,
  Estate,
  IndividualBusinessSystem,
  IndividualBusinessSystemProps,
  SharedRhelLicense,
} from '../../lib/model';
import { AS_OF, emptyEstate, tempDir } from '../fixtures/estate';

/** The review date of the shared fixture. */
export const NOW = AS_OF;

/** A temporary folder of the shared fixture (removed when the test process ends). */
export function tmpDir(prefix = 'kiban-review-'): string {
  return tempDir(prefix);
}

/** A small estate declared from plain props, so tests can change one field and compare. */
export function estateOf(systems: readonly SystemProps[], vlans: readonly DedicatedVlanProps[] = []): Estate {
  const estate = emptyEstate();
  new SharedRhelLicense(estate, 'RhelPool', { units: 8 });
  for (const v of vlans) new DedicatedVlan(estate, `vlan-${v.name}`, v);
  for (const s of systems)
    new IndividualBusinessSystem(estate, `sys-${s.systemId}`, s as unknown as IndividualBusinessSystemProps);
  return estate;
}

/** Plain, mutable test props (cast to the construct props when declared). */
export interface TestServer {
  name: string;
  roleJa?: string;
  cpu: { sockets: number; coresPerSocket?: number };
  memoryGb: number;
  disks: { sizeGb: number; datastore?: string; thin?: boolean }[];
  nics: { network: string; ipv4?: string; fqdn?: string }[];
  guestOs: string;
  source: { kind: string; [k: string]: unknown };
  osLicense?: 'shared' | 'department';
  backupVolume?: { sizeGb: number; datastore?: string };
  decommissioned?: { confirm: string; reasonJa: string; approvedBy: string; date: string };
}
export interface SystemProps {
  department: string;
  systemId: string;
  systemName: string;
  contacts: { primary: { nameJa: string; sectionJa?: string; phone: string; email: string } };
  hypervisor: 'vsphere' | 'hyperv';
  phase: IndividualBusinessSystemProps['phase'];
  servers: TestServer[];
  backup?: { osImage?: boolean; restoreTest?: boolean };
  decommission?: { confirmSystemId: string; form3Date: string; approvedBy: string };
}

export function webSystem(id = 'kanko-web'): SystemProps {
  return JSON.parse(
    JSON.stringify({
      department: 'furusato',
      systemId: id,
      systemName: '観光情報公開Webシステム',
      contacts: {
        primary: {
          nameJa: '岩手 太郎',
          sectionJa: 'ふるさと振興部 観光課',
          phone: '019-629-5001',
          email: 'a@pref.example.jp',
        },
      },
      hypervisor: 'vsphere',
      phase: 'production',
      servers: [
        {
          name: 'web01',
          cpu: { sockets: 2, coresPerSocket: 1 },
          memoryGb: 8,
          disks: [{ sizeGb: 60 }, { sizeGb: 100 }],
          nics: [{ network: 'dmz', ipv4: '172.16.140.21', fqdn: 'kanko.pref.example.jp' }],
          guestOs: 'rhel_7',
          source: { kind: 'template', template: 'rhel7' },
          backupVolume: { sizeGb: 200 },
        },
        {
          name: 'web02',
          cpu: { sockets: 2, coresPerSocket: 1 },
          memoryGb: 8,
          disks: [{ sizeGb: 60 }],
          nics: [{ network: 'internet', ipv4: '10.110.2.22' }],
          guestOs: 'rhel_7',
          source: { kind: 'template', template: 'rhel7' },
        },
      ],
    }),
  ) as SystemProps;
}

export function lgwanSystem(id = 'bunsho'): SystemProps {
  return JSON.parse(
    JSON.stringify({
      department: 'somu',
      systemId: id,
      systemName: '文書管理システム',
      contacts: { primary: { nameJa: '盛岡 花子', phone: '019-629-5101', email: 'b@pref.example.jp' } },
      hypervisor: 'vsphere',
      phase: 'virtualization',
      servers: [
        {
          name: `${id.slice(0, 8)}ap01`,
          cpu: { sockets: 1, coresPerSocket: 2 },
          memoryGb: 16,
          disks: [{ sizeGb: 100 }],
          nics: [{ network: 'lgwan' }],
          guestOs: 'windows_server_2016',
          source: { kind: 'ovf', localOvfPath: 'D:/v2v/ap01/ap01.ovf' },
        },
      ],
    }),
  ) as SystemProps;
}

export const KOKUHO_VLAN: DedicatedVlanProps = {
  name: 'mynumber-kokuho',
  descriptionJa: '国保専用ネットワーク',
  vlanId: 231,
  subnet: '10.231.0.0/24',
  gateway: '10.231.0.1',
  zone: 'myNumber',
  department: 'hoken',
  ipAdministrator: { party: 'department', nameJa: '保健福祉部 健康国保課' },
};

/** Splits a Markdown table row into cells, honouring `\|` escapes. */
export function rowCells(line: string): string[] {
  const t = line.trim().replace(/^\|/, '').replace(/\|$/, '');
  const cells: string[] = [];
  let cur = '';
  for (let i = 0; i < t.length; i++) {
    const ch = t[i]!;
    if (ch === '\\' && i + 1 < t.length) {
      cur += ch + t[i + 1]!;
      i++;
    } else if (ch === '|') {
      cells.push(cur);
      cur = '';
    } else cur += ch;
  }
  cells.push(cur);
  return cells;
}

/**
 * Parses Markdown with markdown-it and checks every table: each block of `|` lines is recognized as a
 * table, and its header, separator and rows have the same number of cells. Returns the number of tables.
 */
export function expectWellFormedMarkdown(md: string): number {
  const tokens = new MarkdownIt().parse(md, {});
  const lines = md.split('\n');
  const tables = tokens.filter((t) => t.type === 'table_open');
  for (const t of tables) {
    const [start, end] = t.map!;
    const block = lines.slice(start, end).filter((l) => l.trim() !== '');
    expect(block.length).toBeGreaterThanOrEqual(3);
    const header = rowCells(block[0]!).length;
    expect(block[1]).toMatch(/^\|( --- \|)+$/);
    for (const l of block) expect([l, rowCells(l).length]).toEqual([l, header]);
  }
  // Every table-looking block of the source is a table for markdown-it (no broken table).
  let blocks = 0;
  for (let i = 0; i < lines.length; i++)
    if (lines[i]!.startsWith('|') && (i === 0 || !lines[i - 1]!.startsWith('|'))) blocks++;
  expect(tables.length).toBe(blocks);
  // Inline parse succeeded for each token (no exceptions) and headings are present.
  expect(tokens.some((t) => t.type === 'heading_open')).toBe(true);
  return tables.length;
}
