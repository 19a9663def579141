import { Construct } from 'constructs';
import { z } from 'zod';
import { issue } from './errors';
import { Estate } from './estate';
import { codeSchema, freeTextSchema } from './names';
import { ZONES } from './platform';
import { parseProps, pathOf, throwIfAny } from './validate';

export const dedicatedVlanSchema = z.strictObject({
  /** Identifier, e.g. `mynumber-kokuho`; becomes the port group name `dv-<name>-v<vlanId>`. */
  name: codeSchema,
  /** Japanese description as in the application. */
  descriptionJa: freeTextSchema(120),
  /** VLAN ID assigned by the platform admin (R24). */
  vlanId: z.int().min(2).max(4094),
  /** The subnet, e.g. `10.131.8.0/24`. */
  subnet: z.cidrv4(),
  gateway: z.ipv4().optional(),
  /** The zone this network belongs to for the isolation rules (R24). */
  zone: z.enum(ZONES).default('dedicated'),
  /** Department that asked for (and pays for) the network (R24). */
  department: codeSchema,
  /** Who administers the IPs on this network (R29). */
  ipAdministrator: z.strictObject({
    party: z.enum(['department', 'network-admin']),
    nameJa: freeTextSchema(80),
  }),
});

/** Props of a {@link DedicatedVlan}. */
export interface DedicatedVlanProps {
  /** Identifier; becomes part of the port group name. */
  readonly name: string;
  /** Japanese description as in the application. */
  readonly descriptionJa: string;
  /** VLAN ID assigned by the platform admin (R24): shared by the virtual switch and the platform L3 switch. */
  readonly vlanId: number;
  /** Subnet in CIDR notation. */
  readonly subnet: string;
  /** Default gateway. @default none */
  readonly gateway?: string;
  /** Zone for the isolation rules of R24. @default 'dedicated' */
  readonly zone?: (typeof ZONES)[number];
  /** Department that asked for the network (R24: it budgets the cost). */
  readonly department: string;
  /** Who administers IP addresses on the network (R29). */
  readonly ipAdministrator: { readonly party: 'department' | 'network-admin'; readonly nameJa: string };
}

/**
 * A dedicated network (専用ネットワーク, R24): any network other than the four standard ones. The
 * platform admin assigns its VLAN ID; it becomes a distributed port group in the platform stack.
 */
export class DedicatedVlan extends Construct {
  public readonly props: z.output<typeof dedicatedVlanSchema>;

  constructor(scope: Construct, id: string, props: DedicatedVlanProps) {
    const location = pathOf(scope, id);
    const parsed = parseProps(dedicatedVlanSchema, props, location);
    const estate = Estate.of(scope);
    super(scope, id);
    this.props = parsed;
    if (!estate.registerVlan(parsed.name, this)) {
      throwIfAny([
        issue({
          code: 'KIBAN_DUPLICATE_VLAN',
          ruleId: 'R24',
          location,
          field: 'name',
          value: parsed.name,
          message: 'a dedicated VLAN of this name already exists',
          messageJa: '同じ名前の専用ネットワークが既にあります',
          fix: 'give every dedicated VLAN a unique name',
          fixJa: '専用ネットワークごとに一意の名前を付けてください',
        }),
      ]);
    }
  }

  /** The distributed port group name (generated from allow-listed fields only). */
  public get portGroupName(): string {
    return `dv-${this.props.name}-v${this.props.vlanId}`;
  }
}
