import * as fs from 'fs';
import * as path from 'path';
import { validateSources, ValidationReport } from '../../lib/intake';
import { fixedClock } from '../../lib/model';
import { AS_OF, sharedExampleEstate } from '../fixtures/estate';

/**
 * Realistic mistakes of department staff writing a declaration, each an edit of one of the
 * examples (examples/systems/…). Used by mistakes.test.ts (expected messages) and the jargon check.
 */
/** Programming words department staff should never meet in a Japanese line. */
export const JARGON = /\b(number|object|string|regexp?|enum|null|undefined|boolean|array|mapping|scalar|schema|NaN)\b/i;

export type Example = 'kokuho' | 'zeimu' | 'kanko' | 'koho' | 'vlans';

export interface Mistake {
  readonly name: string;
  readonly file: Example;
  /** Text replacements applied in order; each `from` must occur in the example. */
  readonly edits: ReadonlyArray<readonly [from: string | RegExp, to: string]>;
}

const m = (name: string, file: Example, ...edits: Array<readonly [string | RegExp, string]>): Mistake => ({
  name,
  file,
  edits,
});

export const MISTAKES: readonly Mistake[] = [
  // numbers
  m('memory with a unit', 'kokuho', ['memoryGb: 32', 'memoryGb: 16GB']),
  m('memory in full-width digits', 'kokuho', ['memoryGb: 32', 'memoryGb: １６']),
  m('memory in quotes', 'kokuho', ['memoryGb: 32', 'memoryGb: "32"']),
  m('disk size with a thousands separator', 'kokuho', ['- sizeGb: 500', '- sizeGb: 1,000']),
  m('memory with a decimal', 'kokuho', ['memoryGb: 32', 'memoryGb: 7.5']),
  m('memory left empty', 'kokuho', ['memoryGb: 32', 'memoryGb:']),
  m('no sockets', 'kokuho', ['sockets: 1,', 'sockets: 0,']),
  m('too many sockets', 'kokuho', ['sockets: 1,', 'sockets: 20,']),
  m('no disks', 'kokuho', ['    disks:\n      - sizeGb: 80\n      - sizeGb: 500\n', '    disks: []\n']),
  // IP addresses
  m('IP address in full-width digits', 'kokuho', ['ipv4: 10.231.0.11', 'ipv4: １０.231.0.11']),
  m('IP address with a prefix length', 'kokuho', ['ipv4: 10.231.0.11', 'ipv4: 10.231.0.11/24']),
  m('IP address with a number over 255', 'kokuho', ['ipv4: 10.231.0.11', 'ipv4: 10.231.0.300']),
  m('IP address with three numbers', 'kokuho', ['ipv4: 10.231.0.11', 'ipv4: 10.231.11']),
  m('subnet without a prefix length', 'vlans', ['subnet: 10.231.0.0/24', 'subnet: 10.231.0.0']),
  // dates
  m('date with slashes', 'kokuho', ['date: "2026-11-20"', 'date: 2026/11/20']),
  m('date in the Japanese era', 'kokuho', ['date: "2026-11-20"', 'date: 令和8年11月20日']),
  m('a date that does not exist', 'kokuho', ['date: "2026-11-20"', 'date: "2026-02-30"']),
  m('form 3 date in Japanese', 'koho', ['form3Date: "2026-11-01"', 'form3Date: 2026年11月1日']),
  // codes
  m('department written by its name', 'kokuho', ['department: hoken', 'department: 環境生活部']),
  m('department in capitals', 'kokuho', ['department: hoken', 'department: HOKEN']),
  m('department in full-width letters', 'kokuho', ['department: hoken', 'department: ｈｏｋｅｎ']),
  m('department misspelt', 'kokuho', ['department: hoken', 'department: hokenn']),
  m('system id in Japanese', 'kokuho', ['systemId: kokuho', 'systemId: 国保']),
  m('host name with an underscore', 'kokuho', ['name: kokuhodb01', 'name: kokuho_db01']),
  m('host name with capitals', 'kokuho', ['name: kokuhodb01', 'name: KokuhoDB01']),
  m('network in capitals', 'kokuho', ['network: mynumber-kokuho', 'network: LGWAN']),
  m('network misspelt', 'kokuho', ['network: mynumber-kokuho', 'network: lgwn']),
  m('guest OS as its product name', 'kokuho', ['guestOs: rhel_7', 'guestOs: RHEL7']),
  m('guest OS misspelt', 'zeimu', ['guestOs: windows_server_2019', 'guestOs: windows2019']),
  m('template that does not exist', 'kokuho', ['template: rhel7', 'template: rhel8']),
  m('template on the wrong hypervisor', 'zeimu', ['template: ws2019', 'template: rhel7']),
  // choices
  m('hypervisor as the product name', 'kokuho', ['hypervisor: vsphere', 'hypervisor: VMware']),
  m('hypervisor with a hyphen', 'zeimu', ['hypervisor: hyperv', 'hypervisor: Hyper-V']),
  m('phase in Japanese', 'kokuho', ['phase: production', 'phase: 本番稼働']),
  m('phase capitalised', 'kokuho', ['phase: production', 'phase: Production']),
  m('source kind misspelt', 'kokuho', ['kind: template', 'kind: tmpl']),
  m('source kind missing', 'kokuho', ['      kind: template\n', '']),
  m('Oracle edition shortened', 'zeimu', ['edition: SE2', 'edition: SE']),
  m('zone misspelt', 'vlans', [
    '    zone: myNumber\n    department: hoken',
    '    zone: mynumber\n    department: hoken',
  ]),
  m('IP administrator in Japanese', 'vlans', ['party: department', 'party: 所管課']),
  m('Hyper-V generation 3', 'zeimu', [
    '    backupVolume:\n      sizeGb: 400\n',
    '    backupVolume:\n      sizeGb: 400\n    hyperv:\n      generation: 3\n',
  ]),
  // true / false
  m('yes in Japanese', 'kokuho', ['  osImage: true', '  osImage: はい']),
  m('true in quotes', 'kokuho', ['restoreTest: true', 'restoreTest: "true"']),
  // text
  m('phone number without hyphens', 'kokuho', ['phone: 019-629-5201', 'phone: 0196295201']),
  m('e-mail with a full-width @', 'kokuho', [
    'email: staff-5201@pref.example.jp',
    'email: staff-5201＠pref.example.jp',
  ]),
  m('e-mail without @', 'kokuho', ['email: staff-5201@pref.example.jp', 'email: staff-5201']),
  m('system name far too long', 'kokuho', [
    'systemName: 国民健康保険事務システム',
    `systemName: ${'国民健康保険事務システム'.repeat(10)}`,
  ]),
  m('acknowledgement reason too short', 'kokuho', [/reasonJa: .*\n/, 'reasonJa: 確認済み\n']),
  m('description with a line break', 'kokuho', [
    'systemName: 国民健康保険事務システム\n',
    'systemName: 国民健康保険事務システム\ndescriptionJa: "国民健康保険の\\n資格管理"\n',
  ]),
  // keys
  m('parent key misspelt', 'kokuho', ['contacts:', 'contcts:']),
  m('key with a capital letter', 'kokuho', ['memoryGb: 32', 'memoryGB: 32']),
  m('key written in Japanese', 'kokuho', ['memoryGb: 32', 'メモリ容量: 32']),
  m('key that does not exist', 'kokuho', [
    '    roleJa: DBサーバ（PostgreSQL）\n',
    '    roleJa: DBサーバ（PostgreSQL）\n    comment: 本番DB\n',
  ]),
  m('required key missing', 'kokuho', ['    memoryGb: 32\n', '']),
  m('e-mail of the contact missing', 'kokuho', ['    email: staff-5201@pref.example.jp\n', '']),
  // indentation
  m('backup volume size not indented', 'kokuho', [
    '    backupVolume:\n      sizeGb: 500',
    '    backupVolume:\n    sizeGb: 500',
  ]),
  m('cores per socket not indented', 'kokuho', [
    'cpu: { sockets: 1, coresPerSocket: 4 }',
    'cpu:\n      sockets: 1\n    coresPerSocket: 4',
  ]),
  m('memory indented into the cpu block', 'kokuho', [
    'cpu: { sockets: 1, coresPerSocket: 4 }\n    memoryGb: 32',
    'cpu:\n      sockets: 1\n      coresPerSocket: 4\n      memoryGb: 32',
  ]),
  m('a key one column too far', 'kokuho', ['    roleJa', '     roleJa']),
  m('a key one column short', 'kokuho', ['    memoryGb: 32', '   memoryGb: 32']),
  m('a top-level key indented', 'kokuho', ['systemName:', '  systemName:']),
  m('a block not indented under its key', 'kokuho', ['  primary:', 'primary:']),
  m('a list item out of line', 'kokuho', ['      - sizeGb: 500', '        - sizeGb: 500']),
  m('a key of a list item at the dash', 'kokuho', [
    '        ipv4: 10.231.0.11\n',
    '        ipv4: 10.231.0.11\n      fqdn: kokuho.pref.example.jp\n',
  ]),
  m('a tab for indentation', 'kokuho', ['  osImage: true', '\tosImage: true']),
  m(
    'two tabs on two lines',
    'kokuho',
    ['    memoryGb: 32', '\tmemoryGb: 32'],
    ['    guestOs: rhel_7', '\tguestOs: rhel_7'],
  ),
  m('full-width spaces for indentation', 'kokuho', ['    memoryGb: 32', '　　memoryGb: 32']),
  // other YAML slips
  m('no space after the colon', 'kokuho', ['memoryGb: 32', 'memoryGb:32']),
  m('no colon', 'kokuho', ['memoryGb: 32', 'memoryGb 32']),
  m('full-width colon', 'kokuho', ['memoryGb: 32', 'memoryGb：32']),
  m('no space after the dash', 'kokuho', ['      - sizeGb: 80', '      -sizeGb: 80']),
  m('quote not closed', 'kokuho', ['date: "2026-11-20"', 'date: "2026-11-20']),
  m('brace not closed', 'kokuho', ['cpu: { sockets: 1, coresPerSocket: 4 }', 'cpu: { sockets: 1, coresPerSocket: 4']),
  m('colon and space inside a value', 'kokuho', [
    'systemName: 国民健康保険事務システム',
    'systemName: 国保: 事務システム',
  ]),
  m('value starting with @', 'kokuho', ['email: staff-5201@pref.example.jp', 'email: "@staff"\n    phone2: @x']),
  m('the same key twice', 'kokuho', ['  osImage: true', '  osImage: true\n  osImage: false']),
  m('department twice', 'kokuho', ['systemName:', 'department: kankyo\nsystemName:']),
];

const FILES: Record<Example, string> = {
  kokuho: 'systems/hoken/kokuho.yaml',
  zeimu: 'systems/somu/zeimu-db.yaml',
  kanko: 'systems/furusato/kanko-web.yaml',
  koho: 'systems/hisho/koho-old.yaml',
  vlans: 'platform/networks.yaml',
};

/** The example's text with the mistake's edits applied (throws when an edit does not apply). */
export function mistaken(mistake: Mistake): { path: string; text: string } {
  const rel = FILES[mistake.file];
  let text = fs.readFileSync(path.join(sharedExampleEstate(), rel), 'utf8');
  for (const [from, to] of mistake.edits) {
    const next = text.replace(from, to);
    if (next === text) throw new Error(`${mistake.name}: edit ${String(from)} does not apply to ${rel}`);
    text = next;
  }
  return { path: path.join(sharedExampleEstate(), rel), text };
}

/**
 * Validates the mistaken file in place of its original in (a copy of) the example estate; the report
 * keeps the problems of that file only (a broken platform file also breaks the systems that use it).
 */
export function check(mistake: Mistake): ValidationReport {
  const src = mistaken(mistake);
  const r = validateSources([src], { estate: sharedExampleEstate(), clock: fixedClock(AS_OF) });
  const mine = <T extends { file: string }>(xs: T[]) =>
    xs.filter((x) => path.resolve(x.file) === path.resolve(src.path));
  return {
    ...r,
    errors: mine(r.errors),
    warnings: mine(r.warnings),
    files: r.files.filter((f) => path.resolve(f.file) === path.resolve(src.path)),
  };
}
