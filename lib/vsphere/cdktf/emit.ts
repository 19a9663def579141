import { App } from 'cdktf';
import { Estate } from '../../model/estate';
import { PlanVsphereOptions, planVsphere } from '../plan';
import { VspherePlatformStack } from './platform-stack';
import { VsphereSystemStack } from './system-stack';

export interface EmitVsphereOptions extends PlanVsphereOptions {
  readonly progress?: (done: number, total: number) => void;
}

export interface VsphereStacks {
  /** Undefined when `only` left it out. */
  readonly platform: VspherePlatformStack | undefined;
  readonly systems: ReadonlyMap<string, VsphereSystemStack>;
}

/**
 * The cdktf renderer: creates the shared platform stack and one stack per vSphere system (named by
 * its system id) under `app`, from the same plans the direct renderer writes (plan.ts). Stacks are
 * independent: each looks up shared objects by name.
 */
export function emitVsphere(app: App, estate: Estate, options: EmitVsphereOptions = {}): VsphereStacks {
  const plans = planVsphere(estate, options);
  const platform = plans.platform ? new VspherePlatformStack(app, plans.platform) : undefined;
  const out = new Map<string, VsphereSystemStack>();
  let done = 0;
  for (const [id, plan] of plans.systems) {
    out.set(id, new VsphereSystemStack(app, plan));
    options.progress?.(++done, plans.systems.size);
  }
  return { platform, systems: out };
}
