import { fixedClock } from '../../lib/model';
import { buildRuleContext } from '../../lib/rules';
import { nameReserved, r24NamesUnique } from '../../lib/rules/r24-host-names-and-fqdns-unique';
import { AS_OF, decommissioned, makeEstate, srv, statuses, sys, violations } from './helpers';

// R24 (platform-rules.md): host names unique; a decommissioned server's name stays reserved until its removal is confirmed.
const gone = (name: string, removedOn?: string) =>
  srv(name, { decommissioned: { confirm: name, reasonJa: '統合', approvedBy: '室長', date: '2026-11-01', removedOn } });

describe('R24 reserved host names', () => {
  test('nameReserved: a running server, and a decommissioned one until removedOn (its own or its system’s)', () => {
    const e = makeEstate();
    sys(e, 'run', [srv('run01'), gone('wait01'), gone('gone01', '2026-11-05')]);
    sys(e, 'old', [srv('old01')], decommissioned('old'));
    const d = decommissioned('rm');
    sys(e, 'rm', [srv('rm01')], { ...d, decommission: { ...d.decommission!, removedOn: '2026-11-10' } });
    const ctx = buildRuleContext(e, fixedClock(AS_OF));
    expect(ctx.servers.map((s) => [s.name, s.active, nameReserved(s)])).toEqual([
      ['run01', true, true],
      ['wait01', false, true],
      ['gone01', false, false],
      ['old01', false, true],
      ['rm01', false, false],
    ]);
  });

  test('two decommissioned holders of one name: the first listed keeps the reservation', () => {
    const e = makeEstate();
    sys(e, 'old1', [srv('app01')], decommissioned('old1'));
    sys(e, 'old2', [srv('app01')], decommissioned('old2'));
    sys(e, 'new', [srv('app01')]);
    expect(statuses(r24NamesUnique, e)).toEqual([
      'non-compliant Estate/new/app01',
      'not-applicable Estate/old1/app01',
      'not-applicable Estate/old2/app01',
    ]);
    expect(violations(r24NamesUnique, e).map((v) => [v.systemId, v.server, v.value, v.message])).toEqual([
      [
        'sys-new',
        'app01',
        '"app01"',
        'host name app01 is reserved by the decommissioned Estate/old1/app01 until its removal is confirmed',
      ],
    ]);
  });
});
