import { Zone } from '../model/platform';
import { Rule, notApplicable, outcome, show, Violation } from './types';

const ZONE_JA: Record<Zone, string> = {
  internet: 'インターネット接続系',
  lgwan: 'LGWAN接続系',
  myNumber: '個人番号利用事務系',
  dmz: 'インターネット公開ネットワーク（DMZ）',
  dedicated: '専用ネットワーク',
};
const INTERNAL: readonly Zone[] = ['internet', 'lgwan', 'myNumber'];

/** The isolation problems of one set of zones a server's NICs join (empty when isolated). */
export function zoneConflicts(zones: ReadonlySet<Zone>): { en: string; ja: string }[] {
  const out: { en: string; ja: string }[] = [];
  if (zones.has('myNumber') && zones.size > 1) {
    const others = [...zones].filter((z) => z !== 'myNumber');
    out.push({
      en: `joins the My Number zone together with ${others.join(', ')}`,
      ja: `個人番号利用事務系と ${others.map((z) => ZONE_JA[z]).join('、')} に同時に接続しています`,
    });
  }
  if (zones.has('lgwan') && zones.has('internet')) {
    out.push({
      en: 'bridges the LGWAN zone and the internet-connected zone',
      ja: 'LGWAN接続系とインターネット接続系を橋渡ししています',
    });
  }
  const internal = INTERNAL.filter((z) => zones.has(z));
  if (zones.has('dmz') && internal.length > 0) {
    out.push({
      en: `is in the DMZ and touches the internal zone(s) ${internal.join(', ')}`,
      ja: `DMZ と庁内の ${internal.map((z) => ZONE_JA[z]).join('、')} に接続しています`,
    });
  }
  return out;
}

/** R24: a server's NICs never bridge zones that must stay separated. */
export const r24ZoneIsolation: Rule = {
  id: 'R24',
  name: 'R24-ZoneIsolation',
  level: 'error',
  acknowledgeable: 'no',
  notAcknowledgeableWhy:
    "zone separation (三層の対策 of the national security guidelines for local governments) is mandatory for the prefecture's network; no one on the platform may waive it",
  notAcknowledgeableWhyJa:
    'ネットワーク分離（地方公共団体の情報セキュリティポリシーに関するガイドラインの三層の対策）は県のネットワークの必須要件であり、統合基盤で例外を認められないため',
  summary:
    'No server joins the My Number zone with any other zone, bridges LGWAN and internet-connected zones, or puts a DMZ server on an internal zone.',
  why: 'Networks are VLAN-separated with no direct traffic between different networks (管理要領 2.1.4); a VM with NICs on two zones is a bridge between them.',
  whyJa:
    'ネットワークはVLANで分離され、異なるネットワーク間の直接通信は認められないため（管理要領 2.1.4）。複数の系に接続するVMは系の間の橋渡しとなる。',
  check(ctx) {
    return ctx.servers.flatMap((e) => {
      if (!e.active) return [notApplicable(e.path)];
      const zones = new Set<Zone>(e.server.nics.map((n) => ctx.zoneOf(n)));
      const v: Violation[] = zoneConflicts(zones).map((c) => ({
        path: e.path,
        systemId: e.systemId,
        server: e.name,
        value: show(e.server.nics.map((n) => `${n.networkKey}(${ctx.zoneOf(n)})`).join(', ')),
        message: `server ${e.name} ${c.en}`,
        messageJa: `仮想サーバ ${e.name} が${c.ja}`,
        fix: "split the server so that each one joins a single zone; traffic between zones goes through the prefecture's firewalls",
        fixJa: '系ごとに仮想サーバを分けてください。系の間の通信は県のファイアウォールを経由させてください',
      }));
      return outcome(e.path, v);
    });
  },
};
