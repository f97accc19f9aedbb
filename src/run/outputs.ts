/** One checked report's outputs: the HTML as rendered, and the PDF printed, given its metadata and written. */

import type { Report } from '../model/model.js';
import type { PrintService } from '../print/start.js';
import type { Loaded } from './load.js';
import { documentDate, type BuildOptions, type FileResult, type OutputFormat } from './result.js';
import { trace } from './trace.js';
import { VERSION } from '../version.js';
import { writeAtomic } from './write.js';

/** A report ready to print. */
export interface PrintJob {
  readonly index: number;
  readonly report: Report;
  readonly diagnostics: Loaded['diagnostics'];
  readonly html: string;
  readonly outputs: readonly string[];
  readonly checkMs: number;
  /** Renders the page with its table of contents' pages (see Loaded.rerender), when it has one. */
  readonly rerender?: Loaded['rerender'];
  readonly tocDepth?: number;
}

/** Writes a report's outputs in the order of `formats` (each atomically); a failure is the file's result, not an exception. */
export async function writeOutputs(file: string, job: PrintJob, formats: readonly OutputFormat[], options: BuildOptions, printer: PrintService | undefined): Promise<FileResult> {
  const { report, diagnostics } = job;
  const written: string[] = [];
  let printMs = 0;
  let faces: string[] | undefined;
  let writeMs = 0;
  const timings = () => ({ checkMs: job.checkMs, printMs: Math.round(printMs), writeMs: Math.round(writeMs) });
  try {
    for (const [i, format] of formats.entries()) {
      const path = job.outputs[i]!;
      if (format === 'html') {
        const t = performance.now();
        await writeAtomic(path, job.html);
        writeMs += performance.now() - t;
      } else {
        const { setPdfMetadata } = await import('../print/metadata.js');
        const t = performance.now();
        const raw = job.tocDepth && job.rerender ? await printReportWithToc(printer!, job) : await printer!.print(job.html);
        printMs += performance.now() - t;
        trace(`printed ${file}`);
        const pdf = await setPdfMetadata(raw, {
          title: report.title,
          author: report.organization,
          subject: `${report.year}年政府信息公开工作年度报告`,
          keywords: ['政府信息公开', '年度报告', String(report.year), report.organization],
          producer: `nianbao ${VERSION}`,
          creator: printer!.version,
          language: 'zh-CN',
          date: options.date ?? documentDate(report),
        });
        faces = facesOf(pdf);
        const w = performance.now();
        await writeAtomic(path, pdf);
        writeMs += performance.now() - w;
      }
      written.push(path);
    }
    return { file, status: 'ok', diagnostics, outputs: written, ...(faces ? { faces } : {}), timings: timings() };
  } catch (error) {
    return { file, status: 'failed', diagnostics, outputs: written, error: error as Error, timings: timings() };
  }
}


/** Two printings or more: the second with the pages the first gave its headings (volume/report-toc.ts). */
async function printReportWithToc(printer: PrintService, job: PrintJob): Promise<Uint8Array> {
  const { printWithToc } = await import('../volume/report-toc.js');
  return printWithToc((html) => printer.print(html), job.report, job.tocDepth!, (pages) => job.rerender!(pages));
}

/** The faces a PDF embeds, by name without the subset tag (AAAAAA+NotoSerifSC-Regular → NotoSerifSC-Regular). */
export function facesOf(pdf: Uint8Array): string[] {
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1');
  const names = [...text.matchAll(/\/BaseFont\s*\/(?:[A-Z]{6}\+)?([^\s/<>[\]()]+)/g)].map((m) => decodeName(m[1]!));
  return [...new Set(names)].sort();
}

/** A PDF name's #xx escapes, read as UTF-8 (a face named in Chinese). */
function decodeName(name: string): string {
  return Buffer.from(name.replace(/#([0-9A-Fa-f]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8');
}
