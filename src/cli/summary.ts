/**
 * `nianbao summary departments/`: the departments' tables summed into one set of national
 * tables, with the list of who sent what and when. Wired into the program by main.ts.
 */

import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { summaryCommandText } from '../messages/department-summary.js';
import { inLanguage } from '../messages/lang.js';
import type { CommandContext } from './authoring.js';
import { formatsFrom, reporterFrom, UsageError } from './options.js';

interface SummaryFlags {
  readonly outDir: string;
  readonly xlsx?: string;
  readonly csv?: string;
  readonly year?: string;
  readonly expected?: string;
  readonly format: string;
  readonly browser?: string;
  readonly fonts?: string;
  readonly strict?: boolean;
}

/** Adds `summary` to `program`. */
export function addSummaryCommand(program: Command, ctx: CommandContext): void {
  const t = inLanguage(summaryCommandText, ctx.lang);
  program
    .command('summary')
    .description(t.command)
    .argument('<inputs...>', t.inputs)
    .option('-o, --out-dir <folder>', t.outDir, 'out/summary')
    .option('--xlsx <file>', t.xlsx)
    .option('--csv <file>', t.csv)
    .option('--year <year>', t.year)
    .option('--expected <list.txt>', t.expected)
    .option('--format <formats>', t.format, 'pdf,html')
    .option('--browser <path>', ctx.t.browser)
    .option('--fonts <auto|bundled>', ctx.t.fonts)
    .option('--strict', t.strict)
    .action(async (inputs: string[], flags: SummaryFlags) => {
      const reporter = reporterFrom(ctx.reporter(), ctx.t);
      if (flags.year !== undefined && !/^\d{4}$/.test(flags.year)) throw new UsageError(t.badYear(flags.year));
      const formats = formatsFrom(flags.format);
      if (!formats) throw new UsageError(t.badFormat(flags.format));
      if (flags.fonts !== undefined && flags.fonts !== 'auto' && flags.fonts !== 'bundled') throw new UsageError(ctx.t.badFonts(flags.fonts));
      let expected: string[] | undefined;
      if (flags.expected !== undefined) {
        const { parseExpected } = await import('../summary/compliance.js');
        try {
          expected = parseExpected(readFileSync(flags.expected, 'utf8'));
        } catch {
          throw new UsageError(t.noExpected(flags.expected));
        }
      }
      const [{ summarize }, { formatSummary, summaryToJson }] = await Promise.all([import('../summary/run.js'), import('../summary/format.js')]);
      const result = await summarize(inputs, {
        outDir: flags.outDir,
        formats,
        ...(flags.xlsx ? { xlsx: flags.xlsx } : {}),
        ...(flags.csv ? { csv: flags.csv } : {}),
        ...(flags.year ? { year: Number(flags.year) } : {}),
        ...(expected ? { expected } : {}),
        ...(flags.browser ? { browser: flags.browser } : {}),
        ...(flags.fonts === 'auto' ? { localFonts: true } : {}),
        strict: flags.strict === true,
      });
      if (reporter === 'json') ctx.io.stdout(`${JSON.stringify(summaryToJson(result, ctx.lang), null, 2)}\n`);
      else ctx.io.stdout(`${formatSummary(result, { lang: ctx.lang, color: ctx.color() })}\n`);
      if (result.error) ctx.io.stderr(`${ctx.t.failed(result.error.message)}\n`);
      ctx.exit(result.exitCode);
    });
}
