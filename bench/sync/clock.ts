// One clock for every process of the sync benchmark. An edit carries the time its author
// made it; the receiving process subtracts that from its own reading, so all processes
// must read the same clock. process.hrtime is the operating system's monotonic clock
// (CLOCK_MONOTONIC on Linux, also on macOS and Windows machine-wide), shared by every process
// on the machine and never stepped by NTP, unlike Date.now() or a per-process
// performance.timeOrigin. children.ts checks the premise for every child.

const NANOSECONDS_PER_MILLISECOND = 1_000_000;

/** Milliseconds (sub-millisecond resolution) on the machine-wide monotonic clock. */
export function nowMs(): number {
  return Number(process.hrtime.bigint()) / NANOSECONDS_PER_MILLISECOND;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
}
