import { Rule, notApplicable, nonCompliant, compliant, show } from './types';

/** R05: no Oracle RAC with Standard Edition 2. */
export const r05NoRacOnSe2: Rule = {
  id: 'R05',
  name: 'R05-NoRacOnSe2',
  level: 'error',
  acknowledgeable: 'no',
  notAcknowledgeableWhy:
    'the SE2 licence does not allow RAC and the 19c installer refuses it; an acknowledgement cannot make it work',
  notAcknowledgeableWhyJa: 'SE2ライセンスではRACを利用できず、19c以降はインストーラも拒否するため',
  summary: 'Oracle Database Standard Edition 2 is never configured with RAC.',
  why: 'The Oracle SE2 licence shared by the platform admin does not allow Oracle RAC (Mie page; from 19c the installer rejects SE2 RAC).',
  whyJa:
    '統合基盤管理者が共有する Oracle SE2 ライセンスでは Oracle RAC を利用できないため（19c 以降はインストーラも拒否する）。',
  check(ctx) {
    return ctx.servers.map((e) => {
      const db = e.server.spec.oracleDatabase;
      if (!e.active || !db || db.edition !== 'SE2') return notApplicable(e.path);
      if (!db.rac) return compliant(e.path);
      return nonCompliant({
        path: e.path,
        systemId: e.systemId,
        server: e.name,
        value: show({ edition: db.edition, rac: db.rac }),
        message: `server ${e.name} runs Oracle Database SE2 with RAC`,
        messageJa: `仮想サーバ ${e.name} で Oracle Database SE2 の RAC 構成が指定されています`,
        fix: 'set oracleDatabase.rac: false (use SE2 High Availability), or use Enterprise Edition with a department licence',
        fixJa:
          'oracleDatabase.rac を false にする（SE2 High Availability を利用）か、部局調達の Enterprise Edition を使用してください',
      });
    });
  },
};
