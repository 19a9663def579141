import { Estate } from '../model/estate';
import { StateBackendKind } from './backend';
import { PLATFORM_STACK } from './names';
import { PlatformStackPlan, planPlatformStack } from './platform-plan';
import { SystemStackPlan, planSystemStack } from './system-plan';
import { vsphereSystemsOf } from './systems';

export interface PlanVsphereOptions {
  /** State backend of every stack. @default 'pg' (one PostgreSQL schema per stack) */
  readonly backend?: StateBackendKind;
  /** Plan only these stacks (stack ids: `platform`, system ids). @default all */
  readonly only?: ReadonlySet<string>;
}

/** The vSphere stacks of an estate, built but not rendered. */
export interface VspherePlans {
  /** Undefined when `only` left it out. */
  readonly platform: PlatformStackPlan | undefined;
  /** By system id, in declaration order. */
  readonly systems: ReadonlyMap<string, SystemStackPlan>;
}

/**
 * The shared platform stack and one stack per vSphere system (named by its system id). Stacks are
 * independent: each looks up shared objects by name.
 */
export function planVsphere(estate: Estate, options: PlanVsphereOptions = {}): VspherePlans {
  const only = options.only;
  const backend = options.backend ?? 'pg';
  const platform = only === undefined || only.has(PLATFORM_STACK) ? planPlatformStack(estate, backend) : undefined;
  const systems = new Map<string, SystemStackPlan>();
  for (const s of vsphereSystemsOf(estate))
    if (only === undefined || only.has(s.systemId)) systems.set(s.systemId, planSystemStack(s, backend));
  return { platform, systems };
}
