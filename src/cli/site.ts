/**
 * The site: `nianbao site <out-dir>` writes the index of every report built into an output
 * folder (by one run or by shards) from the JSON results saved there; `build --site` does the
 * same for the run it just made.
 */

import { join } from 'node:path';
import type { Command } from 'commander';
import { inLanguage, type Lang } from '../messages/lang.js';
import { siteCommandText, siteText } from '../messages/site.js';
import type { RunResult } from '../run/result.js';
import type { SiteError, SiteResult } from '../site/site.js';
import type { CommandContext } from './authoring.js';
import { UsageError } from './options.js';

/**
 * Adds `site` to `program`. The index page speaks `pageLang`: Chinese unless --lang says
 * otherwise (a site's readers are not the locale of the machine that builds it).
 */
export function addSiteCommand(program: Command, ctx: CommandContext, pageLang: Lang): void {
  const s = inLanguage(siteCommandText, ctx.lang);
  program
    .command('site')
    .description(s.site)
    .argument('<out-dir>', s.siteOutDir)
    .option('--site <folder>', `${s.siteOption}${ctx.t.defaultIs(s.siteDefault)}`)
    .action(async (outDir: string, flags: { site?: string }) => {
      const { writeSiteOfFolder, SiteError } = await import('../site/site.js');
      const siteDir = flags.site ?? join(outDir, 'site');
      try {
        const result = await writeSiteOfFolder({ outDir, siteDir, lang: pageLang });
        if (ctx.reporter() === 'json') ctx.io.stdout(`${JSON.stringify({ command: 'site', index: result.index, counts: result.counts }, null, 2)}\n`);
        else ctx.io.stdout(`${siteWritten(result, ctx.lang)}\n`);
      } catch (error) {
        if (error instanceof SiteError) throw new UsageError(siteErrorSentence(error, ctx.lang));
        throw error;
      }
    });
}

/** `build --site <folder>`: the site of the run just made; the sentence to print, and whether it was written. */
export async function writeSiteAfterBuild(run: RunResult, siteDir: string, lang: Lang, pageLang: Lang): Promise<{ ok: boolean; sentence: string }> {
  const { writeSiteOfRun, SiteError } = await import('../site/site.js');
  try {
    return { ok: true, sentence: siteWritten(await writeSiteOfRun(run, { outDir: run.outDir ?? 'out', siteDir, lang: pageLang }), lang) };
  } catch (error) {
    if (error instanceof SiteError) return { ok: false, sentence: siteErrorSentence(error, lang) };
    throw error;
  }
}

function siteWritten(result: SiteResult, lang: Lang): string {
  return inLanguage(siteCommandText, lang).written(result.index, inLanguage(siteText, lang).summary(result.counts));
}

function siteErrorSentence(error: SiteError, lang: Lang): string {
  const s = inLanguage(siteCommandText, lang);
  if (error.reason === 'noResults') return s.noResults(error.subject);
  if (error.reason === 'unreadable') return s.unreadable(error.subject, error.detail);
  if (error.reason === 'indexTaken') return s.indexTaken(error.subject);
  return s.cannotWrite(error.detail || error.subject);
}
