/**
 * The browser's throw-away profile folders: named after the nianbao process that made them, in
 * memory-backed /dev/shm where there is room, and removed by the next run when a killed run
 * could not remove its own.
 */

import { accessSync, constants, mkdtempSync, readdirSync, readlinkSync, rmSync, statfsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A new, empty profile folder for a browser of this process (stale ones of killed runs are removed first). */
export function newProfileFolder(): string {
  const root = profileRoot();
  removeStaleProfiles(root);
  return mkdtempSync(join(root, `${profilePrefix()}${process.pid}-`));
}

/**
 * Profile folders are named after the process that made them and its pid namespace:
 * nianbao-chrome-<namespace>-<pid>-XXXXXX. Containers sharing /dev/shm have namespaces of their
 * own, where our pids mean nothing.
 */
const PROFILE_PREFIX = 'nianbao-chrome-';

function profilePrefix(): string {
  let namespace = '0';
  try {
    namespace = /\[(\d+)\]/.exec(readlinkSync('/proc/self/ns/pid'))?.[1] ?? '0';
  } catch {
    // not Linux
  }
  return `${PROFILE_PREFIX}${namespace}-`;
}

/**
 * Removes the profile folders that nianbao processes of our pid namespace left when they were
 * killed before they could clean up. A folder of a running process, of another namespace or of
 * another user is left alone.
 */
function removeStaleProfiles(root: string): void {
  const prefix = profilePrefix();
  let names: string[];
  try {
    names = readdirSync(root).filter((name) => name.startsWith(prefix));
  } catch {
    return;
  }
  for (const name of names) {
    const pid = Number(/^(\d+)-/.exec(name.slice(prefix.length))?.[1]);
    if (!pid || pid === process.pid || processExists(pid)) continue;
    try {
      rmSync(join(root, name), { recursive: true, force: true });
    } catch {
      // not ours to remove
    }
  }
}

function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, as another user's.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Where the browser's throw-away profile goes: memory-backed /dev/shm when there is one (the
 * profile is written to constantly and never kept), else the temporary folder.
 */
function profileRoot(): string {
  try {
    accessSync('/dev/shm', constants.W_OK);
    // Containers often give /dev/shm 64 MB: too little to share with the browser's own use.
    const fs = statfsSync('/dev/shm');
    if (fs.bavail * fs.bsize >= 512 * 1024 * 1024) return '/dev/shm';
  } catch {
    // no /dev/shm here
  }
  return tmpdir();
}
