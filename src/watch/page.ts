/**
 * The preview page `watch` serves: the report as built, in a frame (with its own policy: no
 * script, nothing fetched), and around it a bar saying what the last save came to. A small
 * script listens for saves (server-sent events): a good one reloads the frame where the reader
 * was; a broken one shows its diagnostics — file, line, message, code frame — in place of a
 * stale page, until the next good save.
 */

import Handlebars from 'handlebars';
import type { Lang } from '../messages/lang.js';

const { escapeExpression: esc } = Handlebars.Utils;

const TEXTS = {
  'zh-CN': { title: '预览', waiting: '正在生成……', updated: '已更新', errors: '处错误：页面暂停更新，改正并保存后自动恢复', warnings: '条警告', pdf: 'PDF 已更新', pdfFailed: 'PDF 生成失败' },
  en: { title: 'preview', waiting: 'building…', updated: 'updated', errors: 'error(s): the page waits; it comes back on the next good save', warnings: 'warning(s)', pdf: 'PDF updated', pdfFailed: 'PDF failed' },
} as const;

/** The page at `/`; `file` names the report being watched. */
export function previewPage(file: string, lang: Lang, pdf: boolean): string {
  const t = TEXTS[lang];
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(file)} · nianbao ${t.title}</title>
<style>
  html, body { margin: 0; height: 100%; font-family: system-ui, "Noto Sans CJK SC", sans-serif; }
  body { display: flex; flex-direction: column; }
  #bar { display: flex; gap: 1em; align-items: center; padding: 0.35em 1em; font-size: 14px; background: #eef3f8; border-bottom: 1px solid #c9d6e3; }
  #bar .file { font-weight: 600; }
  #bar a { color: #1f4e79; }
  body[data-state="error"] #bar { background: #fdecea; border-color: #e0a9a3; }
  #report { flex: 1; width: 100%; border: 0; }
  #problems { flex: 1; overflow: auto; padding: 1em 1.5em; display: none; }
  body[data-state="error"] #problems { display: block; }
  body[data-state="error"] #report { display: none; }
  #warnings { display: none; max-height: 30vh; overflow: auto; padding: 0.5em 1.5em; background: #fff8e1; border-bottom: 1px solid #e0c46c; }
  body[data-warnings] #warnings { display: block; }
  pre { white-space: pre-wrap; font: 13px/1.5 ui-monospace, "Noto Sans Mono CJK SC", monospace; margin: 0 0 1em; }
</style>
</head>
<body data-state="waiting" data-version="0">
<div id="bar" role="status" aria-live="polite"><span class="file">${esc(file)}</span><span id="status">${t.waiting}</span>${pdf ? '<a id="pdf" href="/report.pdf" target="_blank" hidden>PDF</a>' : ''}</div>
<div id="warnings" role="region" aria-label="${t.warnings}"></div>
<div id="problems" role="alert"></div>
<iframe id="report" title="${esc(file)}" sandbox="allow-same-origin"></iframe>
<script>
(() => {
  const t = ${JSON.stringify(t)};
  const body = document.body, frame = document.getElementById('report');
  const status = document.getElementById('status'), problems = document.getElementById('problems'), warnings = document.getElementById('warnings');
  const pre = (texts) => texts.map((x) => { const p = document.createElement('pre'); p.textContent = x; return p; });
  let scroll = 0;
  frame.addEventListener('load', () => {
    try { frame.contentWindow.scrollTo(0, scroll); } catch {}
    body.dataset.shown = frame.dataset.version || '0';
  });
  const events = new EventSource('/events');
  events.addEventListener('update', (e) => {
    const u = JSON.parse(e.data);
    const errors = u.diagnostics.filter((d) => d.severity === 'error');
    const warned = u.diagnostics.filter((d) => d.severity !== 'error');
    problems.replaceChildren(...pre(errors.map((d) => d.text)));
    warnings.replaceChildren(...pre(warned.map((d) => d.text)));
    if (warned.length) body.dataset.warnings = String(warned.length); else delete body.dataset.warnings;
    body.dataset.version = String(u.version);
    if (u.ok) {
      try { if (frame.contentWindow && frame.contentWindow.location.href !== 'about:blank') scroll = frame.contentWindow.scrollY; } catch {}
      frame.dataset.version = String(u.version);
      frame.src = '/report.html?v=' + u.version;
      status.textContent = t.updated + ' · ' + u.ms + ' ms' + (warned.length ? ' · ' + warned.length + ' ' + t.warnings : '');
    } else {
      status.textContent = errors.length + ' ' + t.errors;
    }
    body.dataset.state = u.ok ? 'ok' : 'error';
  });
  events.addEventListener('pdf', (e) => {
    const p = JSON.parse(e.data);
    const link = document.getElementById('pdf');
    if (link) { link.hidden = false; link.href = '/report.pdf?v=' + p.version; link.textContent = p.error ? t.pdfFailed : t.pdf + ' · ' + p.ms + ' ms'; }
    body.dataset.pdf = String(p.version);
  });
})();
</script>
</body>
</html>
`;
}
