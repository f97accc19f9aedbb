/** Shared helpers for the tests: paths, temporary folders, running the CLI as a user would. */

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const EXAMPLE = join(ROOT, 'examples', 'tieshan-2015.yaml');
export const FIXTURES = join(ROOT, 'test', 'fixtures');

/** A fresh temporary folder, removed by the returned function. */
export function tempDir(prefix = 'nianbao-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export const CLI = join(ROOT, 'bin', 'nianbao.js');

/** The environment the CLI runs in for tests: no colour, English unless a test says otherwise. */
function cliEnv(env?: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { ...process.env, NO_COLOR: '1', LANG: 'C.UTF-8', LC_ALL: '', ...env };
}

/** Runs `node bin/nianbao.js …` and returns its exit code and output (no colour, fixed language). */
export function runCli(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd: options.cwd ?? ROOT, encoding: 'utf8', env: cliEnv(options.env), timeout: 120_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, pid: result.pid };
}

/**
 * Starts `node bin/nianbao.js …` in the background, for tests that act while it runs:
 * `onStderr` sees the standard error so far each time it grows. `done` gives how it ended.
 */
export function spawnCli(args: string[], options: { env?: NodeJS.ProcessEnv; onStderr?: (stderr: string, child: ChildProcess) => void } = {}) {
  const child = spawn(process.execPath, [CLI, ...args], { env: cliEnv(options.env) });
  const output = { stdout: '', stderr: '' };
  child.stdout.on('data', (d) => (output.stdout += d));
  child.stderr.on('data', (d) => {
    output.stderr += d;
    options.onStderr?.(output.stderr, child);
  });
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, ...output })),
  );
  return { child, output, done };
}

/** A poppler tool's output (pdftotext, pdffonts, pdfinfo). */
export function poppler(tool: string, args: string[]): string {
  const result = spawnSync(tool, args, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${tool} ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout;
}

/** A local HTTP server that counts the requests it gets (a page must make none). */
export async function countingServer(): Promise<{ port: number; requests: () => number; close: () => void }> {
  let requests = 0;
  const server = createServer((_req, res) => {
    requests++;
    res.end('x');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { port, requests: () => requests, close: () => server.close() };
}

/** GB18030 bytes of `text`, as Notepad on Chinese Windows saves it (Node has no encoder; Python has). */
export function encodeGb18030(text: string): Buffer {
  return spawnSync('python3', ['-c', 'import sys; sys.stdout.buffer.write(sys.stdin.read().encode("gb18030"))'], { input: text }).stdout;
}

/** The processes of this machine: id, parent's id and command line. */
function processes(): { pid: number; ppid: number; cmdline: string }[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .flatMap((entry) => {
      try {
        const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
        const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
        return [{ pid: Number(entry), ppid, cmdline: readFileSync(`/proc/${entry}/cmdline`, 'utf8') }];
      } catch {
        return []; // the process ended while we looked
      }
    });
}

/**
 * The browser profile folders that the nianbao process `pid` made and that still exist, and the
 * processes still using one. Profiles are named nianbao-chrome-<pid namespace>-<pid>-XXXXXX, so
 * other nianbao runs on the machine (another test run, a user's build) are never counted.
 */
export function leftovers(pid: number): { folders: string[]; processes: string[] } {
  const ours = new RegExp(`nianbao-chrome-\\d+-${pid}-`);
  const folders = ['/dev/shm', tmpdir()].filter(existsSync).flatMap((d) => readdirSync(d).filter((f) => ours.test(f)).map((f) => join(d, f)));
  return { folders, processes: processes().filter((p) => ours.test(p.cmdline)).map((p) => String(p.pid)) };
}

/** The browser that a nianbao process started: its child whose command line names a nianbao profile. */
export function browserPidOf(parent: number): number | undefined {
  return processes().find((p) => p.ppid === parent && p.cmdline.includes('nianbao-chrome-'))?.pid;
}

/** The files below `dir` whose names end in `ending`, sorted. */
export function filesBelow(dir: string, ending: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith(ending)).sort();
}

/**
 * Checks that every output below `out` is whole, as a reader would find it: each PDF opens
 * (pdfinfo) and ends with its %%EOF marker, each HTML file ends with </html>, and nothing else
 * (a temporary file, a cut-off copy) is there besides the manifest. Returns the PDFs.
 */
export function assertWholeOutputs(out: string): string[] {
  const files = readdirSync(out, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
  const pdfs = files.filter((f) => f.endsWith('.pdf'));
  for (const file of files) {
    if (file.endsWith('.pdf')) {
      poppler('pdfinfo', [file]);
      if (!/%%EOF\s*$/.test(readFileSync(file).subarray(-32).toString('latin1'))) throw new Error(`${file} is cut short`);
    } else if (file.endsWith('.html')) {
      if (!/<\/html>\s*$/.test(readFileSync(file, 'utf8'))) throw new Error(`${file} is cut short`);
    } else if (!file.endsWith('.nianbao-manifest.json')) {
      throw new Error(`${file} should not be there`);
    }
  }
  return pdfs;
}

/**
 * Skips a test that this machine cannot run (no root, no python3…) — except on CI (`CI` set),
 * where every promised behaviour must be tested, so the test fails instead.
 */
export function unavailable(t: { skip: (message: string) => void }, why: string): void {
  if (process.env.CI) throw new Error(`${why}: on CI this test must run`);
  t.skip(why);
}

/**
 * The example without its ties to last year's report (`previous:`, a change, a chart beside last
 * year's), so that a copy checks clean in any folder.
 */
export function standalone(example: string): string {
  return example
    .replace(/^previous: .*\n/m, '')
    .replace(/，较上年\{\{change [^}]*\}\}/g, '')
    .replace(/^ {4}chart:.*\n(?: {6}.*\n)*/m, '');
}

/** The national example (chengchuan-eco-2024.yaml) as text that checks clean in any folder. */
export function nationalExample(): string {
  return standalone(readFileSync(join(ROOT, 'examples', 'chengchuan-eco-2024.yaml'), 'utf8'));
}
