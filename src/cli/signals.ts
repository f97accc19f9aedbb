/**
 * How the CLI ends when it is stopped by a signal or loses its terminal.
 *
 * A terminal that is closed under a running command (SIGHUP) fails every later write to it with
 * EIO. Unhandled, that error ends Node through its normal exit, and Node 20's normal exit then
 * tries to restore the settings of a terminal that is gone and crashes (SIGSEGV or SIGABRT,
 * from its stdio reset at exit). Whether a write comes before our SIGHUP listener runs is a race
 * that a busy machine loses, so output errors are handled from the start, and a process whose
 * terminal is gone ends by SIGHUP, never by a normal exit.
 */

/** Signals that stop a build cleanly. */
export const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
export type StopSignal = (typeof STOP_SIGNALS)[number];

const NUMBERS: Record<StopSignal, number> = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 };

/** The shell's convention for a run stopped by a signal: 128 + its number (130, 143, 129). */
export function signalExitCode(signal: StopSignal): number {
  return 128 + NUMBERS[signal];
}

let terminalLost = false;
let guarded = false;

/**
 * Makes failed writes to standard output and error harmless: EIO (the terminal was closed:
 * remembered, see isTerminalLost) and EPIPE (the reader went away, as in `nianbao check … |
 * head`: ignored) are never thrown. Idempotent.
 */
export function guardStdio(): void {
  if (guarded) return;
  guarded = true;
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EIO') terminalLost = true;
    });
  }
}

/** Marks the terminal as gone: a SIGHUP was received. */
export function loseTerminal(): void {
  terminalLost = true;
}

/** Whether the terminal was closed under us (SIGHUP received, or a write failed with EIO). */
export function isTerminalLost(): boolean {
  return terminalLost;
}

/**
 * Ends the process by `signal`'s default action, after the 'exit' listeners have run (so the
 * browser we started and its profile folder go with us). The shell sees 128 + the signal's
 * number. Used where Node's normal exit would crash (see above) or hide the signal.
 */
export async function endBy(signal: StopSignal): Promise<void> {
  // Windows has no SIGHUP to send ourselves, and no terminal settings for the exit to restore.
  if (process.platform === 'win32') process.exit(signalExitCode(signal));
  process.emit('exit', signalExitCode(signal));
  process.removeAllListeners('exit');
  process.removeAllListeners(signal);
  process.kill(process.pid, signal);
  // The signal is delivered at once; should it somehow be held up, do not fall through to a normal exit.
  await new Promise((resolve) => setTimeout(resolve, 1000).unref());
  process.kill(process.pid, 'SIGKILL');
}
