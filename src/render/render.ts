/** Renders a validated report to one self-contained HTML document through its profile's template. */

import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import Handlebars from 'handlebars';
import { chartHtml } from './chart-svg.js';
import type { Inline } from '../model/narrative.js';
import type { Report, Section } from '../model/model.js';
import type { GeneralTable } from '../tables/general.js';
import type { Profile } from '../profiles/profile.js';
import { breakableHtml, titleUnits } from './breaks.js';
import { registerTableHelpers } from './table-html.js';

/** Options of rendering. */
export interface RenderOptions {
  /** nianbao's version, written in the generator meta tag. */
  readonly version: string;
  /** The report still has TODO markers: every page says 草稿 (draft). */
  readonly draft?: boolean;
  /**
   * The table of contents after the introduction: how deep it goes (0: none) and, for print,
   * the page each listed heading starts on (by section id). Without pages it only links.
   */
  readonly toc?: { readonly depth: number; readonly pages?: ReadonlyMap<string, number | string> };
}

/** One line of a table of contents. */
interface TocLine {
  readonly id: string;
  readonly level: number;
  readonly text: string;
  readonly page?: string;
}

/** The policy every page carries: no script, nothing fetched, inline styles and data: fonts only. */
export const CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:";

const { escapeExpression } = Handlebars.Utils;

interface SectionView {
  readonly id: string;
  readonly level: number;
  readonly tag: string;
  readonly number: string;
  readonly heading: string;
  readonly runIn: boolean;
  readonly paragraphs: readonly { html: string }[];
  readonly sections: readonly SectionView[];
  readonly table?: { readonly key: string; readonly partial: string };
  readonly ownTables: readonly GeneralTableView[];
  /** The section's chart, as inline SVG. */
  readonly chart?: Handlebars.SafeString;
}

/** A section's own table with its labels as HTML that breaks only between words. */
interface GeneralTableView extends Omit<GeneralTable, 'columns' | 'rows'> {
  /** The name of the table's scrolling region for screen readers: its title, else its section's heading. */
  readonly regionLabel: string;
  readonly columns: readonly Handlebars.SafeString[];
  readonly rows: readonly { readonly label: Handlebars.SafeString; readonly cells: readonly Handlebars.SafeString[]; readonly total: boolean }[];
}

/**
 * How templates are compiled, here and by the build step that precompiles the built-in ones.
 * Handlebars writes into the options it is given: it gets copies.
 */
export const COMPILE_OPTIONS = Object.freeze({ strict: false, noEscape: false });

/** The key of a template's source among the precompiled ones (see compile-templates.ts). */
export function sourceKey(source: string): string {
  return createHash('sha256').update(`${Handlebars.VERSION}\0${JSON.stringify(COMPILE_OPTIONS)}\0${source}`).digest('hex');
}

type Precompiled = ReadonlyMap<string, Parameters<typeof Handlebars.template>[0]>;
let precompiled: Precompiled | undefined;

/** The built-in templates precompiled by the build, or none (running from the sources). */
function precompiledTemplates(): Precompiled {
  if (!precompiled) {
    try {
      precompiled = createRequire(import.meta.url)('./precompiled-templates.cjs') as Precompiled;
    } catch {
      precompiled = new Map();
    }
  }
  return precompiled;
}

const compiled = new WeakMap<Profile, Handlebars.TemplateDelegate>();

/**
 * A profile's template with its partials, in a Handlebars instance of its own: precompiled
 * when the build did it for this very source, else compiled now; once per profile.
 */
function templateOf(profile: Profile): Handlebars.TemplateDelegate {
  let template = compiled.get(profile);
  if (!template) {
    const hb = Handlebars.create();
    registerTableHelpers(hb, profile.tables);
    const ready = (source: string) => {
      const spec = precompiledTemplates().get(sourceKey(source));
      return spec ? hb.template(spec) : undefined;
    };
    for (const [name, source] of Object.entries(profile.partials)) hb.registerPartial(name, ready(source) ?? source);
    template = ready(profile.template) ?? hb.compile(profile.template, { ...COMPILE_OPTIONS });
    compiled.set(profile, template);
  }
  return template;
}

/**
 * Renders the report to an HTML string. Pure: the same inputs give the same bytes. A custom
 * template that leaves out the content security policy gets it anyway.
 */
export function renderHtml(report: Report, profile: Profile, options: RenderOptions): string {
  const html = renderTemplate(report, profile, options);
  if (html.includes('http-equiv="Content-Security-Policy"')) return html;
  const meta = `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">`;
  return /<head[^>]*>/i.test(html) ? html.replace(/<head[^>]*>/i, (head) => `${head}\n${meta}`) : `${meta}\n${html}`;
}

function renderTemplate(report: Report, profile: Profile, options: RenderOptions): string {
  return templateOf(profile)(
    {
      lang: 'zh-CN',
      version: options.version,
      draft: options.draft === true,
      css: profile.css,
      report: {
        title: report.title,
        // Each line the clerk gave, breaking only between the title's parts (breaks.ts).
        titleLines: report.titleLines.map((line) => new Handlebars.SafeString(breakableHtml(line, titleUnits(line, report.organization)))),
        organization: report.organization,
        signature: report.signature,
        year: report.year,
        date: report.date ? formatChineseDate(report.date) : '',
        published: report.published ?? '',
      },
      intro: report.intro.map((p) => ({ html: inlineHtml(p.runs) })),
      sections: report.sections.map(sectionView),
      toc: options.toc?.depth ? tocLines(report.sections, options.toc.depth, options.toc.pages) : undefined,
      tables: Object.fromEntries(report.tables),
    },
    // Prototype access stays off (Handlebars' default since 4.6); templates see plain data only.
    { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false },
  );
}

/** The headings down to `depth`, in document order, each with its page when known. */
export function tocLines(sections: readonly Section[], depth: number, pages?: ReadonlyMap<string, number | string>): TocLine[] {
  return sections.flatMap((s) => {
    const page = pages?.get(s.id);
    const line: TocLine = { id: s.id, level: s.level, text: `${s.number}${s.heading}`, ...(page !== undefined ? { page: String(page) } : {}) };
    return s.level < depth ? [line, ...tocLines(s.sections, depth, pages)] : [line];
  });
}

const words = (text: string) => new Handlebars.SafeString(breakableHtml(text));

function sectionView(section: Section): SectionView {
  return {
    id: section.id,
    level: section.level,
    // h1 is the report's title; levels 1–4 are h2–h5.
    tag: `h${Math.min(section.level + 1, 6)}`,
    number: section.number,
    heading: section.heading,
    runIn: section.runIn,
    paragraphs: section.paragraphs.map((p) => ({ html: inlineHtml(p.runs) })),
    sections: section.sections.map(sectionView),
    ownTables: section.ownTables.map((t) => ({
      ...t,
      regionLabel: t.title ?? `${section.number}${section.heading}`,
      columns: t.columns.map(words),
      // A cell's date, phone number or address is kept whole on its line, as in the text.
      rows: t.rows.map((r) => ({ ...r, label: words(r.label), cells: r.cells.map((c) => new Handlebars.SafeString(textHtml(String(c)))) })),
    })),
    ...(section.table ? { table: { key: section.table, partial: `table-${section.table}` } } : {}),
    ...(section.chart ? { chart: new Handlebars.SafeString(chartHtml(section.chart, `${section.id}-chart`)) } : {}),
  };
}

/**
 * What must never be split over two lines: a date (2025-01-31), a phone number (0123-86215307, 0123－8621 5307,
 * 13812345678, 12345), an e-mail address, a web address.
 */
const WHOLE = /\b\d{4}-\d{1,2}-\d{1,2}\b|(?:https?:\/\/|www\.)[A-Za-z0-9.\-_~:/?#[\]@!$&'*+,;=%]+[A-Za-z0-9/]|(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9.-]{1,253}\.[A-Za-z]{2,}|(?:[（(]\d{3,4}[）)]|\d{3,4}\s?[-－—–]\s?)?\d{7,8}(?:\s?[-－—–转]\s?\d{1,5})?|1[3-9]\d{9}|\b12345\b/gu;

/** Escaped HTML of text, each phone number, e-mail and web address kept whole on its line. */
function textHtml(text: string): string {
  let html = '';
  let last = 0;
  for (const m of text.matchAll(WHOLE)) {
    html += escapeExpression(text.slice(last, m.index)) + `<span class="nobr">${escapeExpression(m[0])}</span>`;
    last = m.index + m[0].length;
  }
  return html + escapeExpression(text.slice(last));
}

/** Escaped HTML of a paragraph's runs: user text can never become markup. */
export function inlineHtml(runs: readonly Inline[]): string {
  return runs
    .map((run) => {
      const text = run.kind === 'text' ? textHtml(run.text) : escapeExpression(run.text);
      if (run.kind === 'strong') return `<strong>${text}</strong>`;
      if (run.kind === 'figure') return `<span class="figure" data-figure="${escapeExpression(run.name)}">${text}</span>`;
      return text;
    })
    .join('');
}

/** 2016-01-25 → 2016年1月25日 (GB/T 9704 §7.3.5: no leading zeros). */
export function formatChineseDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}
