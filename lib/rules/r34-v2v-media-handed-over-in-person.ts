import { Rule, notApplicable, nonCompliant, compliant, show } from './types';

/** R34: V2V media are handed over in person and transferred from the admin's management terminal, never sent: an OVF fetched from a URL is questioned. */
export const r34V2vMediaHandedOver: Rule = {
  id: 'R34',
  name: 'R34-V2vMediaHandedOverInPerson',
  level: 'warning',
  acknowledgeable: 'yes',
  summary:
    "A V2V OVF source is a file on the admin's management terminal (localOvfPath), not a URL the platform downloads from (remoteOvfUrl).",
  why: "V2V media are handed over in person, never sent, and transferred from the admin's management terminal in the prefectural office; copies are erased afterwards (移行手順書 2.4.5, 2.4.6). A remote URL means the image was sent over a network.",
  whyJa:
    'V2V の媒体は必ず手渡しで受け渡し（送付しない）、県庁内の統合基盤管理者の管理用端末から転送し、転送後にコピーを消去するため（移行手順書 2.4.5、2.4.6）。URL からの取得は媒体を送付したことになる。',
  check(ctx) {
    return ctx.servers.map((e) => {
      const src = e.server.spec.source;
      if (!e.active || src.kind !== 'ovf') return notApplicable(e.path);
      if (src.remoteOvfUrl === undefined) return compliant(e.path);
      return nonCompliant({
        path: e.path,
        systemId: e.systemId,
        server: e.name,
        value: show(src.remoteOvfUrl),
        message: `server ${e.name} imports its OVF from a URL (remoteOvfUrl): V2V media are handed over in person and transferred from the admin's management terminal, never sent`,
        messageJa: `仮想サーバ ${e.name} は OVF を URL（remoteOvfUrl）から取得します。V2V の媒体は手渡しし、統合基盤管理者の管理用端末から転送してください（送付は不可）`,
        fix: 'hand the media over in person and give the file on the management terminal as localOvfPath; or, if the platform admin agrees, add an acknowledgement for R34',
        fixJa:
          '媒体を手渡しし、管理用端末上のファイルを localOvfPath に指定してください。統合基盤管理者が認める場合は R34 の承認を追加してください',
      });
    });
  },
};
