import { App } from 'cdktf';
import { Estate } from '../model/estate';
import { StateBackendKind, addStateBackend } from './backend';
import { vsphereSystemsOf } from './systems';
import { PLATFORM_STACK } from './names';
import { VspherePlatformStack } from './platform-stack';
import { VsphereSystemStack } from './system-stack';

export interface EmitVsphereOptions {
  readonly progress?: (done: number, total: number) => void;
  /** State backend of every stack. @default 'pg' (one PostgreSQL schema per stack) */
  readonly backend?: StateBackendKind;
  /** Emit only these stacks (stack ids: `platform`, system ids); the others are not created. @default all */
  readonly only?: ReadonlySet<string>;
}

export interface VsphereStacks {
  /** Undefined when `only` left it out. */
  readonly platform: VspherePlatformStack | undefined;
  readonly systems: ReadonlyMap<string, VsphereSystemStack>;
}

export { systemsOf, vsphereSystemsOf } from './systems';

/**
 * Creates the shared platform stack and one stack per vSphere system (named by its system id)
 * under `app`. Stacks are independent: each looks up shared objects by name.
 */
export function emitVsphere(app: App, estate: Estate, options: EmitVsphereOptions = {}): VsphereStacks {
  const only = options.only;
  const systems = vsphereSystemsOf(estate).filter((s) => only === undefined || only.has(s.systemId));
  const backend = options.backend ?? 'pg';
  const platform =
    only === undefined || only.has(PLATFORM_STACK) ? new VspherePlatformStack(app, PLATFORM_STACK, estate) : undefined;
  if (platform) addStateBackend(platform, backend);
  const out = new Map<string, VsphereSystemStack>();
  // A plain loop, not forEach: cdktf records the full call stack of every token it creates, so
  // every extra frame here is paid once per token (tens of thousands on a large estate).
  for (let i = 0; i < systems.length; i++) {
    const s = systems[i]!;
    const stack = new VsphereSystemStack(app, s.systemId, s);
    addStateBackend(stack, backend);
    out.set(s.systemId, stack);
    options.progress?.(i + 1, systems.length);
  }
  return { platform, systems: out };
}
