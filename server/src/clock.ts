/** The server's notion of "now", injectable so tests can move time forward. */
export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
}

/** The real clock. */
export const systemClock: Clock = { now: () => Date.now() };

/** Unix seconds of a clock's present. */
export function unixNow(clock: Clock): number {
  return Math.floor(clock.now() / 1000);
}
