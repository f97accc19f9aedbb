/**
 * `build --volume`: after the batch, the reports that built bound into one PDF — a cover, a
 * table of contents with each report's first page, every report, numbered straight through.
 *
 * Each report is printed for the volume without its own page numbers and kept under its build
 * key (cache.ts), so a rebuild prints only what changed. The front matter and a document of
 * bare page numbers are printed each time (the numbers depend on every report's length), and
 * pdf-lib lays the numbers over the pages (merge.ts): text in the reports' own face, selectable.
 */

import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { InterruptedError, type BuildOptions, type FileResult } from '../run/result.js';
import type { ManifestEntry } from '../run/incremental.js';
import { checkInput, newRunCache } from '../run/load.js';
import { readInput, type Input } from '../source/read.js';
import { TEMPLATES_DIR } from '../profiles/profile.js';
import { addRunTexts, startPrinter, type PrintService } from '../print/start.js';
import { collectRoleTexts } from '../fonts/fonts.js';
import { writeAtomic } from '../run/write.js';
import { trace } from '../run/trace.js';
import { VERSION } from '../version.js';
import { orderReports, parseOrderList } from './order.js';
import { placeParts } from './pages.js';
import { contentsLines, coverDate, districtOf, volumeTitle, type PartInfo } from './contents.js';
import { renderFront } from './front.js';
import { printNumbers, printPart } from './print.js';
import { assembleVolume } from './merge.js';
import { prune, readPart, readVolumeKeys, writePart, writeVolumeKey, type PrintedPart } from './cache.js';
import type { VolumeOptions, VolumeResult } from './result.js';
import { chooseReports } from './choose.js';

/** A report going into the volume: printed before, or to print now. */
interface Member {
  readonly file: string;
  readonly key: string;
  readonly organization: string;
  part?: PrintedPart;
  toPrint?: { readonly html: string; readonly about: Omit<PartInfo, 'headings'> };
}

/**
 * Builds the volume from a build's results; `entries` are the manifest entries (build key, last
 * year's report, year) of the reports that built or were up to date. The run's stop signal
 * (`options.signal`) stops it between reports and kills its browser: nothing is written then.
 */
export async function buildVolume(results: readonly FileResult[], entries: ReadonlyMap<string, ManifestEntry>, options: BuildOptions, volume: VolumeOptions): Promise<VolumeResult> {
  const started = performance.now();
  const outDir = options.outDir ?? 'out';
  const signal = options.signal;
  const stopIfInterrupted = () => {
    if (signal?.aborted) throw new InterruptedError();
  };
  const leftOut = results.filter((r) => r.status === 'invalid' || r.status === 'failed').map((r) => r.file);
  const candidates = results.flatMap((r) => {
    const entry = entries.get(r.file);
    return (r.status === 'ok' || r.status === 'unchanged') && entry ? [{ file: r.file, key: entry.key, year: entry.report?.year, previous: entry.previous }] : [];
  });
  const { year, chosen, lastYears, otherYears } = chooseReports(candidates);
  const base = { path: volume.path, leftOut, lastYears, otherYears, printed: [] as string[], unlisted: [] as string[], reports: [] as string[], ...(year !== undefined ? { year } : {}) };
  const done = (rest: Partial<VolumeResult> & Pick<VolumeResult, 'status'>): VolumeResult => ({ ...base, ...rest, elapsedMs: Math.round(performance.now() - started) });
  try {
    const list = volume.orderList ?? (volume.order ? parseOrderList(readFileSync(volume.order, 'utf8')) : []);
    const cache = newRunCache();
    const members: Member[] = [];
    const inputs: Input[] = [];
    for (const { file, key } of chosen) {
      // --force prints every report for the volume again, too.
      const part = options.force ? undefined : readPart(outDir, key);
      if (part) members.push({ file, key, organization: part.info.organization, part });
      else inputs.push(readInput(file, cache.reads));
    }
    // Reports not printed for a volume before: checked again for their pages (the batch let them go).
    const chars = collectRoleTexts();
    addRunTexts(chars, inputs, options, cache.files, cache.reads);
    const keyOf = new Map(chosen.map((c) => [c.file, c.key]));
    for (const input of inputs) {
      stopIfInterrupted();
      const loaded = await checkInput(input, { ...options, render: true }, cache);
      const html = loaded.rerender?.(false) ?? loaded.html;
      if (!loaded.report || html === undefined) {
        leftOut.push(input.path);
        continue;
      }
      const { title, organization, year, published } = loaded.report;
      members.push({ file: input.path, key: keyOf.get(input.path)!, organization, toPrint: { html, about: { title, organization, year, ...(published ? { published } : {}) } } });
    }
    const { ordered, unmatched } = orderReports(members, list);
    base.unlisted.push(...unmatched);
    base.reports.push(...ordered.map((m) => m.file));
    if (!ordered.length) return done({ status: 'empty' });

    const depth = volume.tocDepth ?? 1;
    const volumeKey = createHash('sha256')
      .update(JSON.stringify([VERSION, volume.title ?? null, depth, options.duplex ?? false, options.localFonts ?? false, options.date?.toISOString() ?? process.env.SOURCE_DATE_EPOCH ?? null, ordered.map((m) => m.key)]))
      .digest('hex');
    const target = resolve(volume.path);
    if (ordered.every((m) => m.part) && readVolumeKeys(outDir)[target] === volumeKey && existsSync(target)) {
      return done({ status: 'unchanged', pages: ordered.length });
    }

    // What the front matter says, but for the pages: the reports' titles and dates are known.
    const infos = () => ordered.map((m) => m.part?.info ?? { ...m.toPrint!.about, headings: [], pages: 0 });
    const compiler = volume.title ? undefined : districtOf(ordered.map((m) => m.organization));
    const title = volumeTitle(infos(), volume.title);
    const date = coverDate(infos(), options.date ?? epochDate());
    for (const info of infos()) {
      chars.add('body', `${info.title}${info.organization}`);
      chars.add('hei', `${info.title}${info.organization}`);
      for (const h of info.headings) chars.add('body', h.title);
    }
    chars.add('title', `${compiler ?? ''}${title}`);
    chars.add('hei', '目录');
    chars.add('body', `${date ?? ''}0123456789—`);

    stopIfInterrupted();
    // An interruption while the browser starts gives it up as soon as it is up.
    const printer = await startPrinter(inputs, Math.max(1, options.jobs ?? 2), options, { unused: signal ?? new AbortController().signal, onLaunch: () => undefined, profileFiles: cache.files, texts: chars.texts });
    // An interruption ends the browser at once: the documents being printed fail.
    const onAbort = () => void printer.abort();
    signal?.addEventListener('abort', onAbort, { once: true });
    let front: Uint8Array;
    let numbers: Uint8Array;
    let placement: ReturnType<typeof placeParts>;
    try {
      stopIfInterrupted();
      await printMissing(printer, ordered, outDir, options.jobs ?? 2, base.printed, signal);
      stopIfInterrupted();
      const parts = infos();
      const pages = parts.map((p) => p.pages);
      const starts = placeParts(0, pages, options.duplex).parts.map((p) => p.start);
      const files = {
        template: readFileSync(join(TEMPLATES_DIR, '_volume', 'front.hbs'), 'utf8'),
        css: `${readFileSync(join(TEMPLATES_DIR, '_base', 'base.css'), 'utf8')}\n${readFileSync(join(TEMPLATES_DIR, '_volume', 'volume.css'), 'utf8')}`,
      };
      const html = renderFront({ title, ...(compiler ? { compiler } : {}), ...(date ? { date } : {}), lines: contentsLines(parts, starts, depth) }, files, VERSION);
      front = await printer.print(html);
      const frontPages = (await PDFDocument.load(front, { updateMetadata: false, parseSpeed: Infinity })).getPageCount();
      placement = placeParts(frontPages, pages, options.duplex);
      trace(`volume: front matter ${frontPages} page(s), body ${placement.bodyPages} page(s)`);
      numbers = await printNumbers(printer, placement.bodyPages, readFileSync(join(TEMPLATES_DIR, '_base', 'base.css'), 'utf8'));
      trace('volume: page numbers printed');
    } finally {
      signal?.removeEventListener('abort', onAbort);
      if (signal?.aborted) await printer.abort();
      else await printer.close();
    }
    stopIfInterrupted();
    const parts = infos();
    const bytes = await assembleVolume({
      front,
      contentsPage: 1,
      parts: ordered.map((m, i) => ({ pdf: m.part!.pdf, title: parts[i]!.title, headings: parts[i]!.headings })),
      numbers,
      placement,
      metadata: {
        title: compiler && !title.startsWith(compiler) ? `${compiler}${title}` : title,
        author: compiler ?? [...new Set(parts.map((p) => p.organization))].join('、'),
        subject: '政府信息公开工作年度报告汇编',
        keywords: ['政府信息公开', '年度报告', '汇编', ...new Set(parts.map((p) => String(p.year)))],
        producer: `nianbao ${VERSION}`,
        creator: printer.version,
        language: 'zh-CN',
        date: options.date ?? epochDate() ?? latestDate(parts),
      },
    });
    trace('volume: assembled');
    stopIfInterrupted();
    await writeAtomic(volume.path, bytes);
    await writeVolumeKey(outDir, target, volumeKey);
    prune(outDir, new Set(ordered.map((m) => m.key)));
    trace(`volume: wrote ${volume.path}`);
    return done({ status: 'ok', pages: placement.totalPages });
  } catch (error) {
    if (signal?.aborted) {
      trace('volume: interrupted, nothing written');
      return done({ status: 'interrupted' });
    }
    return done({ status: 'failed', error: error as Error });
  }
}

/** Prints, a few at once, the reports not printed for a volume before, and keeps each. */
async function printMissing(printer: PrintService, members: readonly Member[], outDir: string, jobs: number, printed: string[], signal?: AbortSignal): Promise<void> {
  for (const m of members) if (m.part) trace(`volume: reused ${m.file}`);
  const queue = members.filter((m) => !m.part);
  const worker = async () => {
    // An interruption starts no new report.
    for (let m = queue.shift(); m && !signal?.aborted; m = queue.shift()) {
      const part = await printPart(printer, m.toPrint!.html, m.toPrint!.about);
      await writePart(outDir, m.key, part);
      m.part = part;
      printed.push(m.file);
      trace(`volume: printed ${m.file}`);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, jobs) }, worker));
}

/** SOURCE_DATE_EPOCH as a date, when set. */
function epochDate(): Date | undefined {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  return epoch !== undefined && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : undefined;
}

/** The latest publication among the reports (the volume cannot be older), else the start of the year after theirs. */
function latestDate(parts: readonly PartInfo[]): Date {
  const days = parts.map((p) => p.published).filter((d): d is string => Boolean(d)).sort();
  const day = days[days.length - 1] ?? `${Math.max(...parts.map((p) => p.year)) + 1}-01-01`;
  return new Date(`${day}T00:00:00+08:00`);
}
