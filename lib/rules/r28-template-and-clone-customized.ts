import { Rule, notApplicable, nonCompliant, compliant, show } from './types';

/** R28: template and clone sources customize host name, IP and OS identity. */
export const r28GuestCustomization: Rule = {
  id: 'R28',
  name: 'R28-TemplateAndCloneCustomized',
  level: 'error',
  acknowledgeable: 'yes',
  summary:
    'A server built from a template or a clone has OS customization on (new host name, IP address and identity such as the SID).',
  why: 'A VM made from a template or clone is an exact copy: its host name, IP address and OS identity (SID etc.) must be changed with the customization feature before it runs (管理要領 2.3.1).',
  whyJa:
    'テンプレートやクローンから作成したVMは完全な複製であり、起動前にカスタマイズ機能でホスト名・IPアドレス・OSの識別子（SID等）を変更する必要があるため（管理要領 2.3.1）。',
  check(ctx) {
    return ctx.servers.map((e) => {
      const src = e.server.spec.source;
      if (!e.active || (src.kind !== 'template' && src.kind !== 'clone')) return notApplicable(e.path);
      const disabled = src.customization.disabled;
      if (!disabled) return compliant(e.path);
      return nonCompliant({
        path: e.path,
        systemId: e.systemId,
        server: e.name,
        value: show(`${src.kind} customization disabled: ${disabled.reason}`),
        message: `server ${e.name} is made from a ${src.kind} with OS customization disabled: host name, IP and identity stay those of the source`,
        messageJa: `仮想サーバ ${e.name} は${src.kind === 'clone' ? 'クローン' : 'テンプレート'}から作成されますが、OSのカスタマイズが無効です（ホスト名・IP・識別子が複製元のまま）`,
        fix: 'remove source.customization.disabled, or acknowledge R28 with the manual procedure approved by the platform admin',
        fixJa:
          'source.customization.disabled を削除するか、統合基盤管理者が承認した手作業の手順を理由として R28 の承認を追加してください',
      });
    });
  },
};
