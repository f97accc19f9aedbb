/**
 * `nianbao watch <file>`: the preview server and the session that rebuilds on every save,
 * until Ctrl-C (or SIGTERM, or a closed terminal) ends it — with the browser, exit 0.
 */

import { relative } from 'node:path';
import type { Command } from 'commander';
import { formatDiagnostic } from '../report/pretty.js';
import type { CommandContext } from './authoring.js';
import { UsageError } from './options.js';
import { signalExitCode, STOP_SIGNALS, type StopSignal } from './signals.js';

interface WatchFlags {
  port: string;
  pdf?: boolean;
  outDir: string;
  browser?: string;
  profile?: string;
  fonts?: string;
}

/** Adds `watch` to `program`. */
export function addWatchCommand(program: Command, ctx: CommandContext): void {
  program
    .command('watch')
    .description(ctx.t.watch)
    .argument('<file>', ctx.t.watchFile)
    .option('--port <n>', ctx.t.watchPort, '0')
    .option('--pdf', ctx.t.watchPdf)
    .option('-o, --out-dir <folder>', ctx.t.outDir, 'out')
    .option('--browser <path>', ctx.t.browser)
    .option('--profile <name-or-folder>', ctx.t.profile)
    .option('--fonts <auto|bundled>', ctx.t.fonts)
    .action(async (file: string, flags: WatchFlags) => {
      const port = Number(flags.port);
      if (!/^\d+$/.test(flags.port) || port > 65535) throw new UsageError(ctx.t.badPort(flags.port));
      const [{ startWatch }, { startPreviewServer }] = await Promise.all([import('../watch/session.js'), import('../watch/server.js')]);
      const shown = relative(process.cwd(), file) || file;
      const server = await startPreviewServer(shown, { port, lang: ctx.lang, pdf: flags.pdf === true }).catch((error: NodeJS.ErrnoException) => {
        throw error.code === 'EADDRINUSE' ? new UsageError(ctx.t.portTaken(flags.port)) : error;
      });
      const time = () => new Date().toTimeString().slice(0, 8);
      ctx.io.stdout(`${ctx.t.watching(server.url, shown)}\n`);
      // Ctrl-C (SIGTERM, a closed terminal) ends the watch — at any moment, even while the browser
      // starts: the browser and the server go, and the exit is a normal one. A second signal quits at once.
      let stopping = false;
      let stop!: () => void;
      const stopped = new Promise<void>((resolve) => (stop = resolve));
      const onSignal = (signal: StopSignal) => {
        if (stopping) process.exit(signalExitCode(signal));
        stopping = true;
        stop();
      };
      for (const name of STOP_SIGNALS) process.on(name, onSignal);
      try {
        const session = await startWatch(file, {
          pdf: flags.pdf === true,
          outDir: flags.outDir,
          ...(flags.browser ? { browser: flags.browser } : {}),
          ...(flags.profile ? { profile: flags.profile } : {}),
          localFonts: flags.fonts === 'auto',
          onUpdate: (u) => {
            server.update(u);
            const errors = u.diagnostics.filter((d) => d.severity === 'error');
            if (u.ok) ctx.io.stdout(`${ctx.t.watchUpdated(time(), u.ms, u.diagnostics.length)}\n`);
            else {
              ctx.io.stdout(`${ctx.t.watchBroken(time(), errors.length)}\n`);
              for (const d of u.diagnostics) ctx.io.stdout(`${formatDiagnostic(d, { lang: ctx.lang, color: ctx.color() })}\n`);
            }
          },
          onPdf: (p) => {
            server.pdf(p);
            ctx.io.stdout(p.error ? `${ctx.t.watchPdfFailed(p.error.message)}\n` : `${ctx.t.watchPdfWritten(time(), relative(process.cwd(), p.path), p.ms)}\n`);
          },
          onError: (error) => ctx.io.stdout(`${ctx.t.failed(error.message)}\n`),
        });
        await stopped;
        await session.close();
      } finally {
        await server.close();
        for (const name of STOP_SIGNALS) process.off(name, onSignal);
      }
      ctx.exit(0);
    });
}
