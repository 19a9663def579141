import { Construct, IConstruct } from 'constructs';
import { DedicatedVlan, Estate } from '../../lib/model';
import { AS_OF, emptyEstate, examplePlatform } from '../fixtures/estate';

export { AS_OF };

/** A fresh estate on the example estate's platform with a fixed clock (the shared fixture's {@link emptyEstate}). */
export function freshEstate(scope?: Construct): Estate {
  return emptyEstate(examplePlatform(), scope);
}

/** JSON-able value: constructs become their path (a DedicatedVlan its name), functions dropped. */
export function plain(v: unknown): unknown {
  // The model keeps a NIC network as given (object or name); both resolve to the same ResolvedNic.
  if (v instanceof DedicatedVlan) return v.props.name;
  if (v !== null && typeof v === 'object' && 'node' in (v as object)) return `construct:${(v as IConstruct).node.path}`;
  if (Array.isArray(v)) return v.map(plain);
  if (v !== null && typeof v === 'object')
    return Object.fromEntries(Object.entries(v as object).map(([k, x]) => [k, plain(x)]));
  if (typeof v === 'function') return undefined;
  return v;
}

/** The estate's full JSON-able form: every construct, its type, spec/props and resolved NICs. */
export function estateForm(c: IConstruct): unknown {
  const x = c as unknown as Record<string, unknown>;
  const own: Record<string, unknown> = { id: c.node.id, path: c.node.path, type: c.constructor.name };
  for (const k of ['spec', 'props', 'nics']) if (k in x && x[k] !== undefined) own[k] = plain(x[k]);
  if ('account' in x) own.account = x.account;
  if ('clusterName' in x) own.clusterName = x.clusterName;
  if ('portGroupName' in x) own.portGroupName = x.portGroupName;
  own.children = c.node.children.map(estateForm);
  return JSON.parse(JSON.stringify(own));
}
