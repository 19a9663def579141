import { findGuestOs, guestOsCatalog, hypervSupport, vsphereSupport } from '../../lib/model';

describe('guest OS catalog (from guest-os-facts.json)', () => {
  test('covers every OS of the fact sheet with family, licence source and end of support', () => {
    expect(guestOsCatalog().size).toBe(26);
    expect(findGuestOs('rhel_7')).toMatchObject({ family: 'rhel', defaultLicense: 'shared-rhel', endOfSupport: '2029-05-31' });
    expect(findGuestOs('windows_server_2019')).toMatchObject({ defaultLicense: 'shared-windows-datacenter', windowsRelease: 2019 });
    expect(findGuestOs('windows_server_2022')).toMatchObject({ defaultLicense: 'department' });
    expect(findGuestOs('ubuntu_22_04')).toMatchObject({ defaultLicense: 'department' });
    expect(findGuestOs('nope')).toBeUndefined();
  });

  test('keeps the three support states: supported, unsupported, unconfirmed', () => {
    const rhel9 = findGuestOs('rhel_9')!;
    expect(vsphereSupport(rhel9, '8.0')).toMatchObject({ support: 'supported', guestId: 'rhel9_64Guest' });
    expect(vsphereSupport(rhel9, '6.5').support).toBe('unsupported'); // Key answers of the fact sheet
    expect(vsphereSupport(findGuestOs('windows_server_2022')!, '6.5').support).toBe('unsupported');
    expect(vsphereSupport(findGuestOs('windows_server_2016')!, '6.5')).toMatchObject({ support: 'unconfirmed', guestId: 'windows9Server64Guest' });
    expect(vsphereSupport(findGuestOs('windows_server_2025')!, '6.5')).toMatchObject({ support: 'unsupported', guestId: undefined });
    expect(hypervSupport(findGuestOs('windows_server_2022')!, '2016').support).toBe('unsupported');
    expect(hypervSupport(findGuestOs('rocky_linux_9')!, '2016').support).toBe('unconfirmed');
    expect(hypervSupport(findGuestOs('rhel_7')!, '2016').support).toBe('supported');
  });

  test('strips the fact sheet notes from guest ids and knows no version it has no facts for', () => {
    expect(vsphereSupport(findGuestOs('rhel_8')!, '6.5').guestId).toBe('rhel7_64Guest');
    expect(vsphereSupport(findGuestOs('rhel_8')!, '9.0')).toMatchObject({ support: 'unconfirmed', guestId: undefined });
  });
});
