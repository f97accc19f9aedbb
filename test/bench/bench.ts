/**
 * `npm run bench`: nianbao's speed and memory targets, measured on this machine.
 *
 *   npm run bench                 N = 100 department reports
 *   npm run bench -- --large      N = 500 as well (and memory growth from 100 to 500)
 *   npm run bench -- --n 40       another N
 *   npm run bench -- --watch-only the one-report figures and watch's only
 *
 * It measures (a) one `nianbao build` process per file, as a clerk runs it, and (b) one
 * `nianbao build` over all N; the ratio (a)/(b); peak resident memory of the whole process tree
 * (node and Chromium, proportional set sizes summed); a cold build of one report; `nianbao check` of one and of N
 * files; a second, unchanged build; and that every PDF opens and is the right report.
 *
 * Absolute times do not travel between machines (a browser that starts in 0.25 s on one takes
 * 0.9 s on another), so the same run first measures this machine's own baselines — Node
 * starting and doing nothing, and the browser nianbao would use starting, printing a one-page
 * document and exiting — and states each target as a multiple of them.
 */

import { spawn, spawnSync } from 'node:child_process';
import { cpus, tmpdir, totalmem } from 'node:os';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { writeDepartments } from './generate.js';
import { exampleIn, startWatchDriver } from '../tools/watch-driver.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const CLI = join(ROOT, 'bin', 'nianbao.js');
const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const value = (name: string, fallback: number) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};

interface Measured {
  readonly ms: number;
  readonly peakMb: number;
  /** The memory samples (MB), in order, when sampled. */
  readonly samplesMb: readonly number[];
  readonly code: number | null;
  readonly stdout: string;
}

/**
 * Runs the CLI; with `sampleMs`, samples the memory of its whole process tree that often.
 * Sampling reads /proc/<pid>/smaps_rollup, which walks page tables and slows the browser, so
 * timed runs do not sample and memory is measured in runs of their own.
 */
function run(cliArgs: string[], sampleMs?: number): Promise<Measured> {
  return runCommand(process.execPath, [CLI, ...cliArgs], sampleMs);
}

/** Runs any command as `run` runs the CLI. */
function runCommand(command: string, commandArgs: string[], sampleMs?: number): Promise<Measured> {
  return new Promise((resolvePromise) => {
    const started = performance.now();
    const child = spawn(command, commandArgs, { env: { ...process.env, NO_COLOR: '1', LANG: 'C.UTF-8' }, stdio: ['ignore', 'pipe', 'ignore'] });
    let stdout = '';
    const samples: number[] = [];
    child.stdout.on('data', (d) => (stdout += d));
    const timer = sampleMs ? setInterval(() => samples.push(treeRss(child.pid!) / 1024 / 1024), sampleMs) : undefined;
    child.on('exit', (code) => {
      if (timer) clearInterval(timer);
      resolvePromise({ ms: performance.now() - started, peakMb: Math.max(0, ...samples), samplesMb: samples, code, stdout });
    });
  });
}

/**
 * Memory of a process and all its descendants: the sum of their proportional set sizes (Pss),
 * so that pages Chromium's processes share are counted once, not once per process.
 */
function treeRss(root: number): number {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // gone
    }
  }
  let total = 0;
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    try {
      const kb = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))?.[1];
      total += Number(kb ?? 0) * 1024;
    } catch {
      // gone
    }
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** `median (min–max) ms` of repeated timings. */
function spread(values: number[]): string {
  return `${median(values).toFixed(0)} ms (${Math.min(...values).toFixed(0)}–${Math.max(...values).toFixed(0)})`;
}

/** Times `times` runs of a command after one warm-up run. */
async function timeRuns(times: number, once: () => Promise<Measured>): Promise<number[]> {
  await once();
  const ms: number[] = [];
  for (let i = 0; i < times; i++) ms.push((await once()).ms);
  return ms;
}

/** This machine's own yardsticks, measured in the same run as the figures. */
interface Baselines {
  /** `node -e 0`: Node starting and ending. */
  readonly nodeMs: number;
  /** The browser nianbao would use: start, print a one-page document, exit. */
  readonly browserMs: number;
}

async function measureBaselines(work: string): Promise<Baselines> {
  const { findBrowser } = (await import(join(ROOT, 'dist', 'print', 'find-browser.js'))) as typeof import('../../src/print/find-browser.js');
  const browser = await findBrowser();
  const page = join(work, 'one-page.html');
  writeFileSync(page, '<!doctype html><html lang="zh-CN"><meta charset="utf-8"><body><p>一页 one page</p></body></html>');
  const flags = [/headless[-_]shell/i.test(browser) ? '--headless' : '--headless=new', '--disable-gpu', '--no-pdf-header-footer', `--user-data-dir=${join(work, 'baseline-profile')}`];
  if (process.getuid?.() === 0) flags.push('--no-sandbox');
  const node = await timeRuns(5, () => runCommand(process.execPath, ['-e', '0']));
  const print = await timeRuns(5, () => runCommand(browser, [...flags, `--print-to-pdf=${join(work, 'one-page.pdf')}`, `file://${page}`]));
  console.log('\nThis machine\'s baselines (median of 5 runs, min–max)');
  report('`node -e 0`', spread(node));
  report(`bare browser: start, print one page, exit`, spread(print), browser);
  return { nodeMs: median(node), browserMs: median(print) };
}

/** A target as a multiple of a baseline: `≤ 4 × (node + browser) = 1.21 s`. */
function relative(measured: number, factor: number, baseline: number, name: string): string {
  const limit = factor * baseline;
  const shown = limit >= 1000 ? `${(limit / 1000).toFixed(2)} s` : `${limit.toFixed(0)} ms`;
  return check(measured <= limit, `≤ ${factor} × ${name} = ${shown}`);
}

/** Every PDF exists, opens, and names its own organization. */
function verify(srcFiles: string[], srcDir: string, outDir: string): { ok: number; bad: string[] } {
  const bad: string[] = [];
  for (const file of srcFiles) {
    const pdf = join(outDir, file.slice(srcDir.length + 1).replace(/\.yaml$/, '.pdf'));
    const org = /^organization: (.+)$/m.exec(readFileSync(file, 'utf8'))?.[1]?.replace(/"/g, '');
    const info = spawnSync('pdfinfo', [pdf], { encoding: 'utf8' });
    const text = spawnSync('pdftotext', ['-l', '1', pdf, '-'], { encoding: 'utf8' });
    if (info.status !== 0 || !info.stdout.includes(`Author:          ${org}`) || !text.stdout.replace(/\s+/g, '').includes(org ?? '?')) bad.push(pdf);
  }
  return { ok: srcFiles.length - bad.length, bad };
}

const rows: [string, string, string][] = [];
const report = (what: string, figure: string, target = '') => {
  rows.push([what, figure, target]);
  console.log(`  ${what.padEnd(52)} ${figure.padEnd(22)} ${target}`);
};
const check = (ok: boolean, target: string) => `${ok ? 'PASS' : 'MISS'} (target ${target})`;

async function batch(n: number, work: string, perFile: number, base: Baselines) {
  const src = join(work, `n${n}`);
  const files = writeDepartments(src, n);
  const out = join(work, `out${n}`);
  console.log(`\nN = ${n} department reports (${perFile} of them also built one process each)`);

  const b = await run(['build', src, '-o', out, '--format', 'pdf']);
  if (b.code !== 0) throw new Error(`batch build failed:\n${b.stdout}`);
  const memory = await run(['build', src, '-o', join(work, `mem${n}`), '--format', 'pdf'], 250);
  const perReportB = b.ms / n;
  const verified = verify(files, src, out);

  const perFileOut = join(work, `single${n}`);
  const singles: number[] = [];
  for (const file of files.slice(0, perFile)) {
    const r = await run(['build', file, '-o', perFileOut, '--format', 'pdf', '--force']);
    if (r.code !== 0) throw new Error(`single build failed:\n${r.stdout}`);
    singles.push(r.ms);
  }
  const perReportA = singles.reduce((a, x) => a + x, 0) / singles.length;

  const again = await run(['build', src, '-o', out, '--format', 'pdf']);
  const unchanged = /(\d+) unchanged/.exec(again.stdout)?.[1];
  const checkAll = await run(['check', src]);

  report(`(a) one process per file: ms per report`, `${perReportA.toFixed(0)} ms`);
  report(`(b) one build over all ${n}: ms per report`, `${perReportB.toFixed(0)} ms`, relative(perReportB, 0.4, base.browserMs, 'bare browser'));
  report(`ratio (a)/(b)`, `${(perReportA / perReportB).toFixed(1)}×`, check(perReportA / perReportB >= 10, '≥ 10'));
  report(`(b) wall time`, `${(b.ms / 1000).toFixed(1)} s`);
  report(`(b) peak memory, node + Chromium (Pss, separate run)`, `${memory.peakMb.toFixed(0)} MB`, check(memory.peakMb <= 1536, '≤ 1.5 GB'));
  report(`PDFs that open and are the right report`, `${verified.ok} of ${n}`, check(verified.bad.length === 0, 'no lost or corrupt file'));
  report(`second build, nothing changed`, `${(again.ms / 1000).toFixed(2)} s (${unchanged ?? 0} unchanged)`, Number(unchanged) === n ? relative(again.ms, 15, base.nodeMs, 'node') : 'MISS (some were rebuilt)');
  report(`check of ${n} files`, `${checkAll.ms.toFixed(0)} ms`, n === 100 ? relative(checkAll.ms, 15, base.nodeMs, 'node') : '');
  return { perReportA, perReportB, peakMb: memory.peakMb, samplesMb: memory.samplesMb, bad: verified.bad.length };
}

/**
 * `nianbao watch --pdf` on the 2024 example: from the save (a new file renamed over the report,
 * as editors save) to the changed paragraph on the preview page in Chromium, and to the PDF
 * rewritten by the warm browser; 10 saves after a first build.
 */
async function watchTimes(work: string) {
  const dir = join(work, 'watch');
  mkdirSync(dir);
  const file = exampleIn(dir);
  const original = readFileSync(file, 'utf8');
  const paragraph = '全面推进决策、执行、管理、服务、结果公开';
  const driver = await startWatchDriver(file, ['--pdf', '-o', 'out']);
  const screen: number[] = [];
  const pdf: number[] = [];
  try {
    await driver.pdfAfter(0, performance.now(), 60_000);
    for (let i = 1; i <= 10; i++) {
      const version = await driver.page.evaluate(() => Number(document.body.dataset.pdf));
      const text = `全面推进决策公开第${i}稿`;
      const at = driver.save(original.replace(paragraph, text));
      screen.push(await driver.shows(text, at));
      pdf.push(await driver.pdfAfter(version, at));
    }
  } finally {
    await driver.stop();
  }
  console.log('\nWatch (the 2024 example; 10 saves, median (min–max))');
  report('save → changed paragraph on screen (HTML)', spread(screen), check(median(screen) <= 300, '≤ 300 ms'));
  report('save → PDF rewritten (--pdf, warm browser)', spread(pdf), check(median(pdf) <= 600, '≤ 600 ms'));
}

async function main() {
  const n = value('--n', 100);
  const work = mkdtempSync(join(tmpdir(), 'nianbao-bench-'));
  console.log(`nianbao benchmark — ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`);
  try {
    const base = await measureBaselines(work);
    const example = join(ROOT, 'examples', 'chengchuan-eco-2024.yaml');
    const cold = await timeRuns(5, () => run(['build', example, '-o', join(work, 'cold'), '--format', 'pdf', '--force']));
    const checks = await timeRuns(5, () => run(['check', example]));
    console.log('\nOne report (the bundled 2024 example, 9 pages; median of 5 runs, min–max)');
    report('cold `nianbao build` of one report', spread(cold), relative(median(cold), 4, base.nodeMs + base.browserMs, '(node + bare browser)'));
    report('`nianbao check` of one file', spread(checks), relative(median(checks), 4.5, base.nodeMs, 'node'));
    await watchTimes(work);
    if (flag('--watch-only')) return;

    const small = await batch(n, work, value('--per-file', Math.min(n, 100)), base);
    if (flag('--large')) {
      const large = await batch(500, work, value('--per-file-large', 50), base);
      const growth = large.peakMb - small.peakMb;
      console.log('');
      report(`memory growth from N = ${n} to N = 500 (peaks)`, `${growth >= 0 ? '+' : ''}${growth.toFixed(0)} MB`, check(growth < 150, 'no growth per document'));
      // Peaks are single samples of a memory that swings by ±50 MB as pages are replaced and
      // collected; the trend within one run says more: the median of the run's last quarter
      // against that of its second (the first holds the start), over the ~250 documents between.
      const quarter = (q: number) => median(large.samplesMb.slice(Math.floor((large.samplesMb.length * q) / 4), Math.floor((large.samplesMb.length * (q + 1)) / 4)));
      const perDocKb = ((quarter(3) - quarter(1)) * 1024) / 250;
      report('memory trend within the N = 500 run, per document', `${perDocKb >= 0 ? '+' : ''}${perDocKb.toFixed(0)} KB (${quarter(1).toFixed(0)} → ${quarter(3).toFixed(0)} MB)`, check(perDocKb < 50, '< 50 KB'));
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
