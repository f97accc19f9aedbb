/**
 * Beyond one machine: the Kubernetes example (examples/k8s/) read as Kubernetes reads it, and
 * its pods' commands run here as the pods would — three shards at once into one output folder,
 * then the site job — giving the same index as one run over the same reports.
 */

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { load } from 'js-yaml';
import { writeDepartments } from './bench/generate.js';
import { CLI, ROOT, runCli, tempDir } from './helpers.js';
import { startBrowser } from './tools/axe.js';

const K8S = join(ROOT, 'examples', 'k8s');
// The parts of a manifest these tests read.
interface Container { command?: string[]; args?: string[]; env?: { name: string; value: string }[]; volumeMounts?: { name: string; mountPath: string }[] }
interface PodSpec { restartPolicy: string; containers: Container[]; volumes: { name: string; persistentVolumeClaim?: { claimName: string } }[] }
interface Job { apiVersion: string; kind: string; metadata: { name: string }; spec: { completionMode?: string; completions?: number; parallelism?: number; template: { spec: PodSpec } } }

const manifest = <T>(name: string) => load(readFileSync(join(K8S, name), 'utf8')) as T;

test('the Kubernetes manifests parse and hang together: an Indexed Job of N shards, a site Job, one shared claim', () => {
  const build = manifest<Job>('build-job.yaml');
  const site = manifest<Job>('site-job.yaml');
  const pvc = manifest<{ kind: string; metadata: { name: string }; spec: { accessModes: string[] } }>('pvc.yaml');
  assert.equal(build.apiVersion, 'batch/v1');
  assert.equal(build.kind, 'Job');
  assert.equal(build.spec.completionMode, 'Indexed');
  const pod = build.spec.template.spec.containers[0]!;
  const shards = Number(pod.env?.find((e) => e.name === 'SHARDS')?.value);
  assert.equal(build.spec.completions, shards, 'SHARDS is the number of completions');
  assert.ok(build.spec.parallelism! >= 1 && build.spec.parallelism! <= shards);
  assert.match(pod.args![0]!, /nianbao build \/data\/departments --shard \$\(\(JOB_COMPLETION_INDEX\+1\)\)\/\$SHARDS -o \/data\/out .*--reporter json/);
  assert.equal(site.kind, 'Job');
  assert.deepEqual(site.spec.template.spec.containers[0]!.command, ['nianbao', 'site', '/data/out', '--site', '/data/out/site']);
  assert.equal(pvc.kind, 'PersistentVolumeClaim');
  assert.deepEqual(pvc.spec.accessModes, ['ReadWriteMany'], 'every pod writes to it at once');
  for (const job of [build, site]) {
    const spec = job.spec.template.spec;
    assert.equal(spec.restartPolicy, 'Never');
    assert.equal(spec.volumes[0]!.persistentVolumeClaim?.claimName, pvc.metadata.name);
    assert.deepEqual(spec.containers[0]!.volumeMounts, [{ name: spec.volumes[0]!.name, mountPath: '/data' }]);
  }
  assert.match(readFileSync(join(K8S, 'Dockerfile'), 'utf8'), /^FROM node:20-bookworm-slim$/m);
});

/** Runs a pod's shell script here: /data is `data`, `nianbao` this checkout's CLI. */
function runPod(script: string, data: string, bin: string, env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  const child = spawn('/bin/sh', ['-c', script.replaceAll('/data/', `${data}/`)], {
    env: { ...process.env, ...env, PATH: `${bin}:${process.env.PATH}`, NO_COLOR: '1', LANG: 'C.UTF-8', LC_ALL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stdout.on('data', (d) => (stderr += d));
  child.stderr.on('data', (d) => (stderr += d));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stderr })));
}

test('three pods as the Indexed Job runs them, then the site job: 20 reports listed with working links, the same index as one run', async () => {
  const { dir, cleanup } = tempDir();
  try {
    const data = join(dir, 'data');
    writeDepartments(join(data, 'departments'), 20);
    const bin = join(dir, 'bin');
    mkdirSync(bin);
    writeFileSync(join(bin, 'nianbao'), `#!/bin/sh\nexec "${process.execPath}" "${CLI}" "$@"\n`);
    chmodSync(join(bin, 'nianbao'), 0o755);

    const build = manifest<Job>('build-job.yaml');
    const pod = build.spec.template.spec.containers[0]!;
    const env = Object.fromEntries((pod.env ?? []).map((e) => [e.name, e.value]));
    const n = build.spec.completions!;
    // All at once, as the Job's pods run: each writes its outputs and the manifest in one folder.
    const pods = await Promise.all(Array.from({ length: n }, (_, i) => runPod(pod.args![0]!, data, bin, { ...env, JOB_COMPLETION_INDEX: String(i) })));
    assert.deepEqual(pods.map((p) => p.code), Array(n).fill(0), pods.map((p) => p.stderr).join('\n'));
    const out = join(data, 'out');
    assert.deepEqual(readdirSync(out).filter((f) => f.endsWith('.json')).sort(), ['.nianbao-manifest.json', 'results-0.json', 'results-1.json', 'results-2.json']);

    // The hand-off, read as YAML (JSON is YAML): every shard's results, and one manifest with every output.
    const results = [0, 1, 2].map((i) => load(readFileSync(join(out, `results-${i}.json`), 'utf8')) as { command: string; outDir: string; files: { file: string; status: string; report: { organization: string } }[] });
    assert.deepEqual(results.map((r) => r.files.length), [7, 7, 6]);
    assert.ok(results.every((r) => r.command === 'build' && r.outDir === `${data}/out` && r.files.every((f) => f.status === 'ok' && f.report.organization.startsWith('澄川市'))));
    assert.equal(new Set(results.flatMap((r) => r.files.map((f) => f.file))).size, 20);
    const kept = load(readFileSync(join(out, '.nianbao-manifest.json'), 'utf8')) as { version: number; entries: Record<string, { key: string; report: { organization: string; year: number } }> };
    assert.equal(kept.version, 4);
    assert.equal(Object.keys(kept.entries).length, 40, 'no shard lost another shard’s entries');
    for (const [output, entry] of Object.entries(kept.entries)) {
      assert.match(entry.key, /^[0-9a-f]{64}$/, output);
      assert.equal(entry.report.year, 2024, output);
      assert.ok(existsSync(join(out, output)), output);
    }
    assert.ok(!existsSync(join(out, '.nianbao-manifest.json.lock')), 'the lock is gone');

    const site = manifest<Job>('site-job.yaml').spec.template.spec.containers[0]!.command!;
    const sitePod = await runPod(site.join(' '), data, bin, {});
    assert.equal(sitePod.code, 0, sitePod.stderr);
    assert.match(sitePod.stderr, /Wrote the index .*index\.html\. 20 reports: 20 built/);
    const sharded = readFileSync(join(out, 'site', 'index.html'), 'utf8');
    assert.match(sharded, /^<!DOCTYPE html>\n<html lang="zh-CN">/, 'in Chinese, whatever the locale, unless --lang says otherwise');

    // The index from the disk: 20 rows, 40 links, each a file.
    const browser = await startBrowser();
    try {
      const page = await browser.newPage();
      await page.goto(pathToFileURL(join(out, 'site', 'index.html')).href);
      assert.equal((await page.$$('#reports tbody tr')).length, 20);
      const hrefs = await page.$$eval('#reports a', (links) => links.map((a) => (a as HTMLAnchorElement).href));
      assert.equal(hrefs.length, 40);
      for (const href of hrefs) assert.ok(existsSync(fileURLToPath(href)), href);
    } finally {
      await browser.close();
    }

    // One run over the same reports writes the same index.
    const one = join(dir, 'one');
    const single = runCli(['build', join(data, 'departments'), '-o', one, '--site', join(one, 'site')], { env: { SOURCE_DATE_EPOCH: env.SOURCE_DATE_EPOCH! } });
    assert.equal(single.code, 0, single.stdout);
    assert.equal(readFileSync(join(one, 'site', 'index.html'), 'utf8'), sharded);
  } finally {
    cleanup();
  }
});
