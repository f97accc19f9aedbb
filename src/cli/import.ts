/**
 * `nianbao import <file>`: last year's report from a saved page, a Word document or copied
 * text, written as a report file and checked. Wired into the program by main.ts.
 */

import type { Command } from 'commander';
import { importText } from '../messages/import.js';
import { inLanguage } from '../messages/lang.js';
import { formatRun } from '../report/pretty.js';
import { runToJson } from '../report/json.js';
import { importFile } from '../run/import.js';
import { builtinProfiles, ProfileError } from '../profiles/profile.js';
import type { CommandContext } from './authoring.js';
import { UsageError } from './options.js';

/** Adds `import` to `program`. */
export function addImportCommand(program: Command, ctx: CommandContext): void {
  const t = inLanguage(importText, ctx.lang);
  program
    .command('import')
    .description(t.command)
    .argument('<file>', t.source)
    .option('-o, --out <file>', t.out)
    .option('--profile <name-or-folder>', t.profile)
    .option('--force', ctx.t.force)
    .action(async (file: string, opts: { out?: string; profile?: string; force?: boolean }) => {
      let result;
      try {
        result = await importFile(file, { ...(opts.out ? { out: opts.out } : {}), ...(opts.profile ? { profile: opts.profile } : {}), force: opts.force === true });
      } catch (error) {
        if (error instanceof ProfileError) throw new UsageError(ctx.t.badProfile(error.profile, builtinProfiles().join(', ')));
        throw error;
      }
      if ('exists' in result) throw new UsageError(ctx.t.exists(result.exists));
      if ('unreadable' in result) throw new UsageError(t.unreadable(result.unreadable, result.reason, result.detail));
      const { written, unplaced, inferred, run } = result;
      if (ctx.reporter() === 'json') {
        const places = unplaced.map((u) => ({ kind: u.kind, detail: u.detail, ...u.loc }));
        const guesses = inferred.map((i) => ({ field: i.field, from: i.from, value: i.value, ...i.loc }));
        ctx.io.stdout(`${JSON.stringify({ written, inferred: guesses, unplaced: places, check: runToJson(run, 'check', ctx.lang) }, null, 2)}\n`);
      } else {
        const lines = [t.wrote(file, written, result.encoding)];
        if (inferred.length) lines.push(t.inferredHeader, ...inferred.map((i) => `  ${t.inferred(i, t.where(i.loc))}`));
        if (unplaced.length) lines.push(t.unplacedHeader(unplaced.length), ...unplaced.map((u) => `  ${t.where(u.loc)}${ctx.lang === 'en' ? ': ' : '：'}${t.kind[u.kind]}${ctx.lang === 'en' ? ': ' : '：'}${clip(u.detail)}`));
        else lines.push(t.allPlaced);
        lines.push('', t.checking(written), formatRun(run, { lang: ctx.lang, color: ctx.color(), command: 'check' }));
        ctx.io.stdout(`${lines.join('\n')}\n`);
      }
      ctx.exit(run.exitCode);
    });
}

/** A long part is shown by its start; the file keeps it whole. */
function clip(text: string): string {
  const chars = [...text];
  return chars.length > 60 ? `${chars.slice(0, 60).join('')}…` : text;
}
