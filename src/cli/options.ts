/**
 * Flags → options: what commander parsed, turned into the typed, defaulted options the API
 * takes. Pure (no I/O, no process state), so every rule about flags is tested with plain values;
 * a value that is not allowed is a UsageError, one sentence in the user's language (exit 2).
 */

import type { cliText } from '../messages/cli.js';
import type { InLanguage } from '../messages/lang.js';
import type { BuildOptions, CheckOptions, OutputFormat } from '../run/result.js';

/** The CLI's texts in the user's language. */
export type CliTexts = InLanguage<typeof cliText>;

/** A flag value that is not allowed; its message is the one sentence the user sees. */
export class UsageError extends Error {}

/** `check`'s flags as commander gives them. */
export interface CheckFlags {
  readonly profile?: string;
  readonly strict?: boolean;
  readonly shard?: string;
}

/** `build`'s flags as commander gives them (with its defaults for --out-dir and --format). */
export interface BuildFlags extends CheckFlags {
  readonly outDir: string;
  readonly format: string;
  readonly browser?: string;
  readonly browserWs?: string;
  readonly localFonts?: boolean;
  readonly fonts?: string;
  readonly duplex?: boolean;
  readonly timeout?: string;
  readonly jobs?: string;
  readonly force?: boolean;
  readonly volume?: string;
  readonly volumeTitle?: string;
  readonly order?: string;
  readonly tocDepth?: string;
  readonly toc?: boolean;
}

/** The reporters `--reporter` takes. */
export const REPORTERS = ['pretty', 'json', 'github'] as const;
export type ReporterName = (typeof REPORTERS)[number];

/** The global `--reporter` flag, checked. */
export function reporterFrom(value: string, t: CliTexts): ReporterName {
  if (!(REPORTERS as readonly string[]).includes(value)) throw new UsageError(t.badReporter(value));
  return value as ReporterName;
}

/** `check`'s options from its flags. */
export function checkOptionsFrom(flags: CheckFlags, t: CliTexts): CheckOptions {
  return {
    ...shardFrom(flags.shard, t),
    ...(flags.profile ? { profile: flags.profile } : {}),
    strict: flags.strict === true,
  };
}

/** `build`'s options from its flags (the run's callbacks and stop signal are the CLI's to add). */
export function buildOptionsFrom(flags: BuildFlags, t: CliTexts): BuildOptions {
  const checking = checkOptionsFrom(flags, t);
  const formats = formatsFrom(flags.format);
  if (!formats) throw new UsageError(t.badFormat(flags.format));
  const timeoutMs = positiveInt(flags.timeout, t.badTimeout);
  const jobs = positiveInt(flags.jobs, t.badJobs);
  if (flags.fonts !== undefined && flags.fonts !== 'auto' && flags.fonts !== 'bundled') throw new UsageError(t.badFonts(flags.fonts));
  if (flags.tocDepth !== undefined && flags.tocDepth !== '1' && flags.tocDepth !== '2') throw new UsageError(t.badTocDepth(flags.tocDepth));
  const tocDepth = flags.tocDepth === undefined ? undefined : Number(flags.tocDepth);
  if (!flags.volume && (flags.volumeTitle !== undefined || flags.order !== undefined)) throw new UsageError(t.volumeOnly(flags.volumeTitle !== undefined ? '--volume-title' : '--order', '--volume'));
  if (!flags.volume && !flags.toc && tocDepth !== undefined) throw new UsageError(t.volumeOnly('--toc-depth', '--volume / --toc'));
  if (flags.volume !== undefined && !/\.pdf$/i.test(flags.volume)) throw new UsageError(t.badVolume(flags.volume));
  return {
    ...checking,
    outDir: flags.outDir,
    formats,
    ...(flags.browser ? { browser: flags.browser } : {}),
    ...(flags.browserWs ? { browserWs: flags.browserWs } : {}),
    ...(flags.localFonts || flags.fonts === 'auto' ? { localFonts: true } : {}),
    ...(flags.duplex ? { duplex: true } : {}),
    ...(timeoutMs ? { timeoutMs } : {}),
    ...(jobs ? { jobs } : {}),
    ...(flags.force ? { force: true } : {}),
    ...(flags.toc ? { toc: tocDepth ?? 1 } : {}),
    ...(flags.volume
      ? {
          volume: {
            path: flags.volume,
            ...(flags.volumeTitle !== undefined ? { title: flags.volumeTitle } : {}),
            ...(flags.order !== undefined ? { order: flags.order } : {}),
            ...(tocDepth !== undefined ? { tocDepth } : {}),
          },
        }
      : {}),
  };
}

/** `--shard k/n`, 1 ≤ k ≤ n. */
function shardFrom(value: string | undefined, t: CliTexts): Pick<CheckOptions, 'shard'> {
  if (value === undefined) return {};
  const m = /^(\d+)\/(\d+)$/.exec(value);
  const [index, count] = m ? [Number(m[1]), Number(m[2])] : [0, 0];
  if (!m || index < 1 || index > count) throw new UsageError(t.badShard(value));
  return { shard: { index, count } };
}

/** `--format pdf,html`: each once, in the order given; undefined when anything else is named. */
export function formatsFrom(value: string): OutputFormat[] | undefined {
  const parts = value.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
  if (!parts.length || parts.some((p) => p !== 'pdf' && p !== 'html')) return undefined;
  return [...new Set(parts)] as OutputFormat[];
}

/** A flag's whole positive number, or undefined when it is not given. */
function positiveInt(value: string | undefined, complaint: (value: string) => string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!(Number.isInteger(n) && n > 0)) throw new UsageError(complaint(value));
  return n;
}
