/** Timing marks on standard error when NIANBAO_TRACE is set: where a run spends its time. */

const enabled = Boolean(process.env.NIANBAO_TRACE);

/** Writes `label` with the milliseconds since the Node process started. */
export function trace(label: string): void {
  if (enabled) process.stderr.write(`[nianbao ${performance.now().toFixed(0).padStart(6)} ms] ${label}\n`);
}

if (enabled) process.once('exit', () => trace('exit'));
