import { r10aDisksOnSystemStorage } from '../../lib/rules/r10a-disks-on-system-storage';
import { decommissioned, makeEstate, srv, statuses, sys, violations } from './helpers';

// R10a (platform-rules.md): system and data disks on system storage, never on the backup storage.
describe('R10a-DisksOnSystemStorage', () => {
  test('each disk on the backup datastore is reported by index; disks without a datastore or on a system one comply', () => {
    const e = makeEstate();
    sys(e, 'v', [
      srv('ok01', { disks: [{ sizeGb: 50 }, { sizeGb: 10, datastore: 'kiban-sys-ds02' }] }),
      srv('bad01', {
        disks: [
          { sizeGb: 50, datastore: 'kiban-sys-ds01' },
          { sizeGb: 10, datastore: 'kiban-bk-ds01' },
          { sizeGb: 10 },
          { sizeGb: 10, datastore: 'kiban-bk-ds01' },
        ],
      }),
    ]);
    sys(e, 'old', [srv('old01', { disks: [{ sizeGb: 50, datastore: 'kiban-bk-ds01' }] })], decommissioned('old'));
    sys(e, 'h', [srv('hv01')], { hypervisor: 'hyperv' });
    expect(statuses(r10aDisksOnSystemStorage, e)).toEqual([
      'not-applicable Estate/h/hv01',
      'not-applicable Estate/old/old01',
      'non-compliant Estate/v/bad01',
      'non-compliant Estate/v/bad01',
      'compliant Estate/v/ok01',
    ]);
    expect(violations(r10aDisksOnSystemStorage, e).map((v) => [v.systemId, v.server, v.field, v.value, v.fix])).toEqual(
      [
        ['sys-v', 'bad01', 'disks.1.datastore', '"kiban-bk-ds01"', 'use one of: kiban-sys-ds01, kiban-sys-ds02'],
        ['sys-v', 'bad01', 'disks.3.datastore', '"kiban-bk-ds01"', 'use one of: kiban-sys-ds01, kiban-sys-ds02'],
      ],
    );
    expect(violations(r10aDisksOnSystemStorage, e)[0]!.message).toContain('disk 1 of server bad01');
  });

  test('an error that cannot be acknowledged', () => {
    expect(r10aDisksOnSystemStorage).toMatchObject({ id: 'R10a', level: 'error', acknowledgeable: 'no' });
  });
});
