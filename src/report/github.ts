/**
 * The GitHub Actions reporter (`--reporter github`): workflow commands that put each
 * diagnostic on its line in a pull request, then the summary as a plain line.
 * https://docs.github.com/actions/reference/workflow-commands-for-github-actions
 */

import type { RunResult } from '../run/result.js';
import { active } from '../diagnostics.js';
import { messageFor } from '../messages/diagnostics.js';
import type { Lang } from '../messages/lang.js';

/** Escapes a command's message (data) as the runner expects. */
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a command's property value (file, title). */
function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** One `::error` / `::warning` line per diagnostic and per failed file. Pure. */
export function runToGithub(run: RunResult, lang: Lang): string {
  const lines: string[] = [];
  for (const file of run.files) {
    for (const d of active(file.diagnostics)) {
      const text = messageFor(d.code, d.params, lang);
      const props = [`file=${escapeProperty(d.cell ? d.file : file.file)}`];
      if (d.position) props.push(`line=${d.position.line}`, `col=${d.position.column}`);
      props.push(`title=${escapeProperty(`nianbao ${d.code}`)}`);
      // A workbook has no lines: its cell leads the message.
      const said = text.expected ? `${text.message} ${text.expected}` : text.message;
      lines.push(`::${d.severity} ${props.join(',')}::${escapeData(d.cell ? `${d.cell} ${said}` : said)}`);
    }
    if (file.error) lines.push(`::error file=${escapeProperty(file.file)},title=nianbao::${escapeData(file.error.message)}`);
  }
  if (run.error) lines.push(`::error title=nianbao::${escapeData(run.error.message)}`);
  return lines.join('\n');
}
