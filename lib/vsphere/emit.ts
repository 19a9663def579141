/** The cdktf renderer's entry point (cdktf/emit.ts), where callers have always found it. */
export { emitVsphere } from './cdktf/emit';
export type { EmitVsphereOptions, VsphereStacks } from './cdktf/emit';
export { systemsOf, vsphereSystemsOf } from './systems';
