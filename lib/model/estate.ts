import { Construct, IConstruct } from 'constructs';
import { Clock, systemClock } from './clock';
import { Platform, parsePlatform } from './platform';

/** Props of the {@link Estate}. */
export interface EstateProps {
  /** The platform the systems run on: the estate's own platform data (the library embeds none). */
  readonly platform: Platform;
  /** Clock used by date rules (snapshot expiry, end of support). @default the system clock */
  readonly clock?: Clock;
}

const ESTATE_SYMBOL = Symbol.for('kiban.Estate');

/**
 * The root of a declared estate: one platform and everything hosted on it (systems, dedicated
 * VLANs, shared licence pools). Place it anywhere in a construct tree (e.g. under a cdktf App).
 */
export class Estate extends Construct {
  /** True if `x` is an Estate (works across module copies). */
  public static isEstate(x: unknown): x is Estate {
    return typeof x === 'object' && x !== null && ESTATE_SYMBOL in x;
  }

  /** The Estate that `c` belongs to. */
  public static of(c: IConstruct): Estate {
    for (const s of c.node.scopes.slice().reverse()) if (Estate.isEstate(s)) return s;
    throw new Error(`${c.node.path || '(root)'}: not inside an Estate; create systems under an Estate construct`);
  }

  /** A new Estate at the root of its own construct tree. */
  public static create(props: EstateProps): Estate {
    return new Estate(new Construct(undefined as unknown as Construct, ''), 'Estate', props);
  }

  public readonly platform: Platform;
  public readonly clock: Clock;
  /** Registries so look-ups stay O(1) on large estates. */
  private readonly systemPaths = new Map<string, string>();
  private readonly vlansByName = new Map<string, IConstruct>();

  constructor(scope: Construct, id: string, props: EstateProps) {
    super(scope, id);
    Object.defineProperty(this, ESTATE_SYMBOL, { value: true });
    // A platform given in code is validated like one read from data.
    if (props?.platform === undefined)
      throw new Error(
        `${this.node.path}: an Estate needs its platform data (props.platform): the library embeds none; load an estate folder (lib/intake loadEstate) or parsePlatform your own`,
      );
    this.platform = parsePlatform(props.platform);
    this.clock = props.clock ?? systemClock;
  }

  /** Claims a platform-wide unique system id; returns the path of the holder if already taken. */
  public claimSystemId(systemId: string, path: string): string | undefined {
    const holder = this.systemPaths.get(systemId);
    if (holder !== undefined) return holder;
    this.systemPaths.set(systemId, path);
    return undefined;
  }

  /** Registers a dedicated VLAN by name; returns false if the name is taken. */
  public registerVlan(name: string, vlan: IConstruct): boolean {
    if (this.vlansByName.has(name)) return false;
    this.vlansByName.set(name, vlan);
    return true;
  }

  /** A dedicated VLAN by name. */
  public vlanNamed(name: string): IConstruct | undefined {
    return this.vlansByName.get(name);
  }
}
