/** Timing marks on standard error when NIANBAO_TRACE is set: where a run spends its time. */

const enabled = Boolean(process.env.NIANBAO_TRACE);
const origin = performance.now();

/** Writes `label` with the milliseconds since the process started nianbao. */
export function trace(label: string): void {
  if (enabled) process.stderr.write(`[nianbao ${(performance.now() - origin).toFixed(0).padStart(6)} ms] ${label}\n`);
}
