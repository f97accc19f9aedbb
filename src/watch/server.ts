/**
 * The preview server of `watch`, on 127.0.0.1 only: `/` the preview page, `/report.html` the
 * report as last built, `/report.pdf` its PDF (with `--pdf`), `/events` a stream of what each
 * save came to. Nothing else is served.
 */

import { readFile } from 'node:fs/promises';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Diagnostic } from '../diagnostics.js';
import type { Lang } from '../messages/lang.js';
import { formatDiagnostic } from '../report/pretty.js';
import { previewPage } from './page.js';
import type { PdfUpdate, Update } from './session.js';

/** The running server: where it listens, and how to tell the pages of a save. */
export interface PreviewServer {
  readonly url: string;
  update(update: Update): void;
  pdf(update: PdfUpdate): void;
  close(): Promise<void>;
}

/** Starts the server on `port` (0: any free one). */
export async function startPreviewServer(file: string, options: { port: number; lang: Lang; pdf: boolean }): Promise<PreviewServer> {
  const clients = new Set<ServerResponse>();
  let last: { update?: string; pdf?: string } = {};
  let html = '';
  let pdfPath: string | undefined;
  const page = previewPage(file, options.lang, options.pdf);

  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    if (req.method !== 'GET' && req.method !== 'HEAD') return void res.writeHead(405).end();
    // Only pages of this machine's own addresses: a web page whose name was made to point at
    // 127.0.0.1 (DNS rebinding) sends its own host name, and is refused.
    if (!/^(?:127\.0\.0\.1|localhost|\[::1\]):\d+$/.test(req.headers.host ?? '')) return void res.writeHead(403).end();
    if (path === '/') return void send(res, 'text/html; charset=utf-8', page);
    if (path === '/report.html') return void send(res, 'text/html; charset=utf-8', html);
    if (path === '/report.pdf' && pdfPath) {
      return void readFile(pdfPath).then((pdf) => send(res, 'application/pdf', pdf), () => res.writeHead(404).end());
    }
    if (path === '/events') {
      res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive' });
      // A page that connects late is told the latest at once.
      if (last.update) res.write(last.update);
      if (last.pdf) res.write(last.pdf);
      clients.add(res);
      req.on('close', () => clients.delete(res));
      return;
    }
    res.writeHead(404).end();
  });
  const broadcast = (event: string) => {
    for (const res of clients) res.write(event);
  };
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/`,
    update(update) {
      if (update.html !== undefined) html = update.html;
      const data = { version: update.version, ok: update.ok, ms: update.ms, diagnostics: update.diagnostics.map((d) => shown(d, options.lang)) };
      last = { ...last, update: `event: update\ndata: ${JSON.stringify(data)}\n\n` };
      broadcast(last.update!);
    },
    pdf(update) {
      if (!update.error) pdfPath = update.path;
      last = { ...last, pdf: `event: pdf\ndata: ${JSON.stringify({ version: update.version, ms: update.ms, ...(update.error ? { error: update.error.message } : {}) })}\n\n` };
      broadcast(last.pdf!);
    },
    async close() {
      for (const res of clients) res.end();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function send(res: ServerResponse, type: string, body: string | Buffer): void {
  res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' }).end(body);
}

/** A diagnostic as the page shows it: as the terminal prints it, with its code frame, without colour. */
function shown(d: Diagnostic, lang: Lang) {
  return { code: d.code, severity: d.severity, file: d.file, line: d.position?.line, text: formatDiagnostic(d, { lang, color: false }) };
}
