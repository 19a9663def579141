import { isSharedLicense, osLicenseSource } from '../model/guest-os';
import { Rule, notApplicable, nonCompliant, compliant, show } from './types';
import { ServerEntry } from './context';

/** Whether a server's OS licence is shared or the department's (the model's {@link osLicenseSource}). */
export function osLicenseOf(e: ServerEntry): 'shared' | 'department' {
  return isSharedLicense(osLicenseSource(e.server.spec.osLicense, e.os)) ? 'shared' : 'department';
}

/** R05: the shared OS licences cover RHEL and Windows Server 2019 and earlier only. */
export const r05SharedWindowsUpTo2019: Rule = {
  id: 'R05',
  name: 'R05-SharedOsLicenseEligible',
  level: 'error',
  acknowledgeable: 'no',
  notAcknowledgeableWhy:
    'the platform admin holds no licence for that OS; running it on the shared licence would be unlicensed use',
  notAcknowledgeableWhyJa:
    '統合基盤管理者はそのOSのライセンスを保有しておらず、共有ライセンスでの利用は無許諾使用となるため',
  summary: 'A server on the shared OS licence runs RHEL or Windows Server 2019 or earlier.',
  why: "The platform admin provides Windows Server 2019 and earlier (Windows Server 2019 Datacenter) and RHEL; any other OS licence is the department's (管理要領 第8条; Mie page).",
  whyJa:
    '統合基盤管理者が提供するのは Windows Server 2019 以前（Windows Server 2019 Datacenter）と RHEL であり、その他のOSライセンスは所管部局が用意するため（管理要領 第8条）。',
  check(ctx) {
    return ctx.servers.map((e) => {
      if (!e.active || !e.os || osLicenseOf(e) !== 'shared') return notApplicable(e.path);
      const os = e.os;
      const ok = os.family === 'rhel' || (os.windowsRelease !== undefined && os.windowsRelease <= 2019);
      if (ok) return compliant(e.path);
      return nonCompliant({
        path: e.path,
        systemId: e.systemId,
        server: e.name,
        value: show(`${os.key} on shared licence`),
        message: `server ${e.name} runs ${os.name} on the shared licence, which covers only RHEL and Windows Server 2019 and earlier`,
        messageJa: `仮想サーバ ${e.name} は ${os.name} を共有ライセンスで利用しようとしていますが、共有ライセンスは RHEL と Windows Server 2019 以前のみです`,
        fix: 'set osLicense: department (the department procures the licence), or use Windows Server 2019 or RHEL',
        fixJa:
          'osLicense を department にして所管部局でライセンスを調達するか、Windows Server 2019 以前または RHEL を使用してください',
      });
    });
  },
};
