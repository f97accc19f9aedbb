/**
 * `build`: many reports, one browser. Reports are read and checked one after another while
 * the browser starts and the fonts are cut (from the raw text of the inputs, so that printing
 * need not wait for every report to be checked); a bounded pool of pages prints them as they
 * come. A bad file, or one that fails to print, fails alone. Results are in input order.
 */

import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { relative, resolve, sep } from 'node:path';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { exitCodeOf, InterruptedError, noMatch, reportMetaOf, strictly, type BuildOptions, type FileResult, type ReportMeta, type RunResult } from './result.js';
import { buildKey, contentKey, dependenciesOf, isUnchanged, readManifest, updateManifest, type Manifest, type ManifestEntry } from './incremental.js';
import { commonBase, expandInputs, outputPath, shardOf } from './inputs.js';
import { checkInput, newRunCache } from './load.js';
import { readInput, type Input } from '../source/read.js';
import { writeOutputs, type PrintJob } from './outputs.js';
import { startPrinter, type PrintService } from '../print/start.js';
import { JobQueue } from './queue.js';
import { trace } from './trace.js';
import { parseOrderList } from '../volume/order.js';


/** Checks each file and writes its HTML and/or PDF (folders and globs expanded). */
export async function build(inputs: readonly string[], options: BuildOptions = {}): Promise<RunResult> {
  const started = Date.now();
  // The volume's order file is read before the batch: a missing one fails the run before any report is built.
  if (options.volume?.order !== undefined && !options.volume.orderList) {
    options = { ...options, volume: { ...options.volume, orderList: parseOrderList(readFileSync(options.volume.order, 'utf8')) } };
  }
  const formats = options.formats ?? ['pdf', 'html'];
  const outDir = options.outDir ?? 'out';
  const jobs = Math.max(1, options.jobs ?? availableParallelism());
  const expanded = expandInputs(inputs, [outDir]);
  // Outputs mirror the whole input tree, so that every shard writes the same paths.
  const base = commonBase(expanded.files, expanded.folders);
  const files = options.shard ? shardOf(expanded.files, options.shard) : expanded.files;
  const unmatched = expanded.unmatched;
  const manifest = options.force ? { entries: {}, warnings: {} } : readManifest(outDir);
  const keyOptions = {
    formats,
    localFonts: options.localFonts ?? false,
    strict: options.strict ?? false,
    profile: options.profile ?? null,
    // --profile names a folder relative to the working folder.
    cwd: options.profile !== undefined ? process.cwd() : null,
    date: options.date?.toISOString() ?? process.env.SOURCE_DATE_EPOCH ?? null,
    ...(options.toc ? { toc: options.toc } : {}),
  };
  options.onStart?.(files.length);

  const results: (FileResult | undefined)[] = new Array(files.length);
  // What each report says it is (title, organization, year), for lists of reports: from the
  // report when it was checked, from the manifest when it was unchanged.
  const metas: (ReportMeta | undefined)[] = new Array(files.length);
  const finish = (i: number, result: FileResult) => {
    results[i] = result;
    options.onFile?.(result, i);
  };

  // Which files need work: the rest are up to date. Two inputs that would write the same
  // output (a.yaml and a.yml) are refused after the first. That is decided over all the inputs,
  // not this shard's, so that every shard decides alike and no two shards write one output.
  const owners = new Map<string, string>();
  for (const file of expanded.files) {
    for (const f of formats) {
      const output = resolve(outputPath(file, base, outDir, f));
      if (!owners.has(output)) owners.set(output, file);
    }
  }
  // Each input is read once, here; its build key, the fonts and its checks all take what was
  // read. An unchanged one is known by its bytes and is never parsed.
  const cache = newRunCache();
  const read: (Input | undefined)[] = files.map((file) => readInput(file, cache.reads));
  /** The manifest entry (build key, last year's report, year) of each report whose outputs are up to date or were just written (for a volume). */
  const entries = new Map<string, ManifestEntry>();
  const todo: { index: number; outputs: string[]; content?: string; entry?: ManifestEntry }[] = [];
  for (const [index, file] of files.entries()) {
    const outputs = formats.map((f) => outputPath(file, base, outDir, f));
    const taken = outputs.map((o) => owners.get(resolve(o))).find((owner) => owner !== file);
    if (taken) {
      finish(index, { file, status: 'failed', diagnostics: [], outputs: [], error: new Error(`its output is also the output of ${taken}; rename one of them`) });
      continue;
    }
    const content = contentKey(read[index]!, cache, keyOptions);
    if (outputs.every((o) => isUnchanged(manifest.entries[manifestKey(outDir, o)], content, cache) && existsSync(o))) {
      // Skipped, but its warnings (a TODO left, say) are still reported.
      metas[index] = manifest.entries[manifestKey(outDir, outputs[0]!)]?.report;
      finish(index, { file, status: 'unchanged', diagnostics: manifest.warnings[manifestKey(outDir, outputs[0]!)] ?? [], outputs });
      entries.set(file, manifest.entries[manifestKey(outDir, outputs[0]!)]!);
      read[index] = undefined;
    } else {
      todo.push({ index, outputs, ...(content ? { content } : {}) });
    }
  }

  // Checked reports wait for a page in a short queue: checking is faster than printing, and a
  // long queue would hold every report's HTML in memory at once.
  const queue = new JobQueue<PrintJob>(jobs * 2);
  let printer: PrintService | undefined;
  let runError: Error | undefined;
  const signal = options.signal;
  const interrupted = () => signal?.aborted === true;
  // An interruption stops handing out documents and ends the browser at once; the documents
  // being printed fail, and writes that had not finished leave nothing behind (writeAtomic).
  const onAbort = () => {
    queue.end();
    void printer?.abort();
  };
  signal?.addEventListener('abort', onAbort, { once: true });
  // The browser starts at once when there is anything to print, and gets ready, fonts and all,
  // while the reports are read: it takes longer to start than a report takes to check. Should
  // no report pass its checks, it is stopped unused.
  let printerReady: Promise<PrintService> | undefined;
  const unused = new AbortController();
  // Checking waits for the browser's process to be started (a few milliseconds), not for it to be ready.
  let launchStarted = Promise.resolve();
  if (todo.length > 0 && formats.includes('pdf')) {
    let started!: () => void;
    launchStarted = new Promise((resolve) => (started = resolve));
    const toPrint = todo.map((t) => read[t.index]!);
    printerReady = startPrinter(toPrint, jobs, options, { unused: unused.signal, onLaunch: started, profileFiles: cache.files, reads: cache.reads });
    printerReady.then(started, started);
  }

  const producer = (async () => {
    await launchStarted;
    for (const item of todo) {
      if (interrupted()) break;
      const file = files[item.index]!;
      const input = read[item.index]!;
      const checkStarted = performance.now();
      const loaded = strictly(await checkInput(input, { ...options, render: true, searched: expanded.searched.has(file) }, cache), options.strict);
      const meta = reportMetaOf(loaded.report ?? input.parsed?.value);
      metas[item.index] = meta;
      if (item.content) {
        const dependencies = dependenciesOf(input, options.profile);
        item.entry = { key: buildKey(item.content, dependencies, cache), ...dependencies, ...(meta ? { report: meta } : {}) };
      }
      // Checked: its text and YAML are let go (its bytes stay, should another report name it as last year's).
      input.release?.();
      read[item.index] = undefined;
      const checkMs = Math.round(performance.now() - checkStarted);
      if (loaded.notReport) {
        finish(item.index, { file, status: 'skipped', diagnostics: [], outputs: [] });
      } else if (!loaded.report || !loaded.profile || loaded.html === undefined) {
        finish(item.index, { file, status: 'invalid', diagnostics: loaded.diagnostics, outputs: [], timings: { checkMs } });
      } else {
        const html = loaded.html;
        trace(`checked ${file}`);
        const toc = loaded.tocDepth && loaded.rerender ? { tocDepth: loaded.tocDepth, rerender: loaded.rerender } : {};
        await queue.push({ index: item.index, report: loaded.report, diagnostics: loaded.diagnostics, html, outputs: item.outputs, checkMs, ...toc });
      }
      // Let the browser's messages through between reports.
      await yieldToEventLoop();
    }
    queue.end();
  })();

  /** The printer, once the first job needs it; a failure to start is the run's error. */
  const printerForJobs = async () => {
    if (printer || runError || !printerReady) return;
    try {
      printer = await printerReady;
      if (interrupted()) await printer.abort();
    } catch (error) {
      runError = error as Error;
    }
  };
  try {
    const worker = async () => {
      for (let job = await queue.next(); job; job = await queue.next()) {
        await printerForJobs();
        const file = files[job.index]!;
        if (runError) finish(job.index, { file, status: 'failed', diagnostics: job.diagnostics, outputs: [], error: runError });
        else if (interrupted()) finish(job.index, { file, status: 'failed', diagnostics: job.diagnostics, outputs: [], error: new InterruptedError() });
        else {
          const result = await writeOutputs(file, job, formats, options, printer);
          finish(job.index, interrupted() && result.status === 'failed' ? { ...result, error: new InterruptedError() } : result);
        }
      }
    };
    await Promise.all([producer, ...Array.from({ length: jobs }, worker)]);
  } finally {
    // A printer still starting when the run ended (no report to print, or an interruption)
    // gives up as soon as its browser is up, and must not outlive the run.
    if (!printer && printerReady) {
      trace('the printer was not used: stopping it');
      unused.abort();
      printer = await printerReady.catch(() => undefined);
    }
    signal?.removeEventListener('abort', onAbort);
    trace('closing the browser');
    if (interrupted()) await printer?.abort();
    else await printer?.close();
    trace('browser closed');
  }
  // Files an interrupted run never reached.
  for (const [i, file] of files.entries()) {
    if (!results[i]) results[i] = { file, status: 'failed', diagnostics: [], outputs: [], error: new InterruptedError() };
  }

  // This run's entries go into the manifest as it is on disk now: other runs (the other shards)
  // may have written theirs into the same output folder since this one started.
  const built = todo.filter((item) => item.entry && results[item.index]?.status === 'ok');
  for (const item of built) entries.set(results[item.index]!.file, item.entry!);
  if (built.length) {
    const record = (onDisk: Manifest) => {
      for (const item of built) {
        const result = results[item.index]!;
        for (const o of result.outputs) onDisk.entries[manifestKey(outDir, o)] = item.entry!;
        const warningsKey = manifestKey(outDir, item.outputs[0]!);
        if (result.diagnostics.length) onDisk.warnings[warningsKey] = [...result.diagnostics];
        else delete onDisk.warnings[warningsKey];
      }
    };
    await updateManifest(outDir, record).catch(() => undefined);
  }
  const withMeta = (results as FileResult[]).map((r, i) => (metas[i] && r.status !== 'skipped' ? { ...r, report: metas[i] } : r));
  const all = [...unmatched.map(noMatch), ...withMeta];
  // The volume binds what this run built, once the batch's browser is closed.
  const volume = options.volume && !runError && !interrupted() ? await (await import('../volume/volume.js')).buildVolume(results as FileResult[], entries, options, options.volume) : undefined;
  return {
    files: all,
    outDir,
    ...(volume ? { volume } : {}),
    exitCode: runError || interrupted() || volume?.status === 'failed' ? 2 : exitCodeOf(all),
    ...(interrupted() ? { interrupted: true } : {}),
    ...(runError ? { error: runError } : {}),
    elapsedMs: Date.now() - started,
    ...(printer ? { browser: printer.version } : {}),
  };
}

function manifestKey(outDir: string, output: string): string {
  return relative(outDir, output).split(sep).join('/');
}
