/** Shared helpers for the tests: paths, temporary folders, running the CLI as a user would. */

import { spawnSync } from 'node:child_process';
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

/** Runs `node bin/nianbao.js …` and returns its exit code and output (no colour, fixed language). */
export function runCli(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}) {
  const result = spawnSync(process.execPath, [join(ROOT, 'bin', 'nianbao.js'), ...args], {
    cwd: options.cwd ?? ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', LANG: 'C.UTF-8', LC_ALL: '', ...options.env },
    timeout: 120_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
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

/** Browser profiles of nianbao runs that still exist, and processes still using one. */
export function leftovers(): { folders: string[]; processes: string[] } {
  const folders = ['/dev/shm', tmpdir()].filter(existsSync).flatMap((d) => readdirSync(d).filter((f) => f.startsWith('nianbao-chrome-')).map((f) => join(d, f)));
  const processes = readdirSync('/proc').filter((p) => /^\d+$/.test(p)).filter((p) => {
    try {
      return readFileSync(`/proc/${p}/cmdline`, 'utf8').includes('nianbao-chrome-');
    } catch {
      return false;
    }
  });
  return { folders, processes };
}
