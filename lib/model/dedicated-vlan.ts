import { Construct } from 'constructs';
import { z } from 'zod';
import { issue } from './errors';
import { CODE_FORMAT, field } from './fields';
import { Estate } from './estate';
import { codeSchema, freeTextSchema } from './names';
import { NETWORK_FIELDS, ZONES } from './platform';
import { parseProps, pathOf, throwIfAny } from './validate';

export const dedicatedVlanSchema = z.strictObject({
  /** Identifier, e.g. `mynumber-kokuho`; becomes the port group name `dv-<name>-v<vlanId>`. */
  name: field(codeSchema, { ruleId: 'R24', labelJa: '専用ネットワーク名', example: 'mynumber-kokuho', ...CODE_FORMAT }),
  /** Japanese description as in the application. */
  descriptionJa: field(freeTextSchema(120), {
    ruleId: 'R24',
    labelJa: '専用ネットワークの説明',
    example: '国民健康保険システム専用ネットワーク',
  }),
  /** VLAN ID assigned by the platform admin (R24). */
  vlanId: field(z.int().min(2).max(4094), NETWORK_FIELDS.vlanId),
  /** The subnet, e.g. `10.131.8.0/24`. */
  subnet: field(z.cidrv4(), NETWORK_FIELDS.subnet),
  gateway: field(z.ipv4().optional(), NETWORK_FIELDS.gateway),
  /** The zone this network belongs to for the isolation rules (R24). */
  zone: field(z.enum(ZONES).default('dedicated'), NETWORK_FIELDS.zone),
  /** Department that asked for (and pays for) the network (R24). */
  department: field(codeSchema, { ruleId: 'R24', labelJa: '申請・費用負担の部局', example: 'hoken', ...CODE_FORMAT }),
  /** Who administers the IPs on this network (R29). */
  ipAdministrator: field(
    z.strictObject({
      party: field(z.enum(['department', 'network-admin']), {
        ruleId: 'R29',
        labelJa: 'IPアドレス管理者の区分',
        example: 'department',
        valuesJa: { department: '所管課', 'network-admin': 'ネットワーク管理者' },
      }),
      nameJa: field(freeTextSchema(80), {
        ruleId: 'R29',
        labelJa: 'IPアドレス管理者の名前',
        example: '保健福祉部 健康国保課',
      }),
    }),
    { ruleId: 'R29', labelJa: 'IPアドレス管理者', example: 'party: department' },
  ),
});

/** The entry of the list of dedicated networks (`dedicatedVlans`) of an estate's platform data. */
export const DEDICATED_VLANS_FIELD = { ruleId: 'R24', labelJa: '専用ネットワーク', example: '- name: mynumber-kokuho' };
/** The dedicated networks of an estate's platform data (`dedicatedVlans`, R24). */
export const dedicatedVlansSchema = field(z.array(dedicatedVlanSchema).min(1), DEDICATED_VLANS_FIELD);

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
