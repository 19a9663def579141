/** A clock that can be injected, so every date rule is deterministic in tests. */
export type Clock = () => Date;

/** The real clock. */
export const systemClock: Clock = () => new Date();

/** A clock fixed at one instant (tests, reproducible CI runs). */
export function fixedClock(iso: string): Clock {
  const t = new Date(iso);
  if (Number.isNaN(t.getTime())) throw new Error(`fixedClock: not a date: ${iso}`);
  return () => new Date(t.getTime());
}
