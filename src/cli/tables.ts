/** `nianbao tables export`: a report's tables as an Excel workbook. Wired into the program by main.ts. */

import { relative, dirname } from 'node:path';
import type { Command } from 'commander';
import { inLanguage } from '../messages/lang.js';
import { tablesText } from '../messages/tables.js';
import { formatDiagnostic } from '../report/pretty.js';
import type { CommandContext } from './authoring.js';
import { UsageError } from './options.js';

/** Adds `tables export` to `program`. */
export function addTablesCommands(program: Command, ctx: CommandContext): void {
  const t = inLanguage(tablesText, ctx.lang);
  const tables = program.command('tables').description(t.tables);
  tables.addHelpCommand(false);
  tables
    .command('export')
    .description(t.export)
    .argument('<file>', t.exportFile)
    .option('-o, --out <file>', t.exportOut)
    .option('--force', ctx.t.force)
    .action(async (file: string, opts: { out?: string; force?: boolean }) => {
      const { exportTables } = await import('../run/tables-export.js');
      const result = await exportTables(file, { ...(opts.out ? { out: opts.out } : {}), force: opts.force === true });
      if ('exists' in result) throw new UsageError(ctx.t.exists(result.exists));
      if ('noTables' in result) throw new UsageError(t.noTables(result.noTables));
      if ('diagnostics' in result) {
        for (const d of result.diagnostics) ctx.io.stdout(`${formatDiagnostic(d, { lang: ctx.lang, color: ctx.color() })}\n`);
        ctx.io.stdout(`${t.notExported(file)}\n`);
        ctx.exit(1);
        return;
      }
      const rel = relative(dirname(file), result.written).split('\\').join('/');
      ctx.io.stdout(`${t.exported(result.written, file, rel)}\n`);
    });
}
