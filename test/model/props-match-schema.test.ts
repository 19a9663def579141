import { z } from 'zod';
import { BackupVolumeProps, backupVolumeSchema } from '../../lib/model/backup-volume';
import { DedicatedVlanProps, dedicatedVlanSchema } from '../../lib/model/dedicated-vlan';
import { VirtualServerProps, virtualServerSchema } from '../../lib/model/server';
import { IndividualBusinessSystemProps, systemSchema } from '../../lib/model/system';

/**
 * Compile-time check (issue 13): each construct's Props interface accepts exactly what its schema's
 * `z.input` accepts, so the one-line docs of the Props and the schema describe the same fields. A
 * Props field the schema lacks, or a schema field the Props lack or type differently, fails `tsc`.
 */
type Mutable<T> = T extends (...a: never[]) => unknown
  ? T
  : T extends object
    ? { -readonly [K in keyof T]: Mutable<T[K]> }
    : T;
type Same<A, B> = [Mutable<A>] extends [Mutable<B>] ? ([Mutable<B>] extends [Mutable<A>] ? true : false) : false;
/** Props' keys equal the schema's keys (neither side has a field the other lacks). */
type SameKeys<A, B> = [Exclude<keyof A, keyof B> | Exclude<keyof B, keyof A>] extends [never] ? true : false;
const check = <T extends true>(): T => true as T;

describe('Props interfaces match their schemas (z.input)', () => {
  test('the checks compile', () => {
    expect([
      check<Same<BackupVolumeProps, z.input<typeof backupVolumeSchema>>>(),
      check<Same<DedicatedVlanProps, z.input<typeof dedicatedVlanSchema>>>(),
      check<Same<VirtualServerProps, z.input<typeof virtualServerSchema>>>(),
      check<Same<IndividualBusinessSystemProps, z.input<typeof systemSchema>>>(),
      check<SameKeys<VirtualServerProps, z.input<typeof virtualServerSchema>>>(),
      check<SameKeys<IndividualBusinessSystemProps, z.input<typeof systemSchema>>>(),
    ]).toEqual([true, true, true, true, true, true]);
  });
});
