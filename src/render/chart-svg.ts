/**
 * A chart drawn as inline SVG: horizontal bars (long Chinese labels read best beside the bar),
 * each value written at its bar's end, last year's bar under this year's when compared. No
 * script: the same markup in the HTML page and in the PDF, its text real text in the report's
 * faces (the SVG inherits the page's font), a title and a description for screen readers. Pure.
 */

import Handlebars from 'handlebars';
import stringWidth from 'string-width';
import type { Chart } from '../model/chart.js';

const { escapeExpression: esc } = Handlebars.Utils;

/** Units of the drawing: 4 to the millimetre over the 156 mm of a GB/T 9704 text block. */
const WIDTH = 624;
const FONT = 16;
const GAP = 10;
const BAR = 20;
const COMPARED_BAR = 14;
const ROW_SPACE = 14;
const COLORS = { now: '#1f4e79', before: '#9dc3e6' };

/** At most this tall (200 mm), so that a chart and its caption always fit one page. */
const MAX_HEIGHT = 800;
const LINE = FONT * 1.2;
const MAX_LINES = 3;

/** The `<figure>` of a chart; `id` makes its title and description addressable. */
export function chartHtml(chart: Chart, id: string): string {
  const width = (text: string) => (stringWidth(text) * FONT) / 2;
  const amount = (v: number) => `${v}${chart.unit}`;
  const labelRoom = Math.min(WIDTH * 0.4, Math.max(...chart.bars.map((b) => width(b.label))));
  const labelWidth = labelRoom + GAP;
  const valueWidth = Math.max(...chart.bars.flatMap((b) => [b.value, b.previous ?? 0]).map((v) => width(amount(v)))) + GAP;
  const longest = Math.max(1, ...chart.bars.flatMap((b) => [b.value, b.previous ?? 0]));
  const scale = (WIDTH - labelWidth - valueWidth) / longest;
  const legend = chart.compared ? FONT * 2 : 0;
  // A long label takes up to three lines; rows grow to hold them, and shrink (bars and gaps
  // alike) when there are so many that the chart would be taller than MAX_HEIGHT.
  const labels = chart.bars.map((b) => lines(b.label, labelRoom, width));
  const natural = (chart.compared ? COMPARED_BAR * 2 + 2 : BAR) + ROW_SPACE;
  const wanted = Math.max(natural, ...labels.map((l) => l.length * LINE + ROW_SPACE / 2));
  const rowHeight = Math.min(wanted, (MAX_HEIGHT - legend) / chart.bars.length);
  const shrink = Math.min(1, rowHeight / natural);
  const bar = (chart.compared ? COMPARED_BAR : BAR) * shrink;
  const height = legend + chart.bars.length * rowHeight;

  const parts: string[] = [];
  if (chart.compared) {
    const years = [
      [chart.year, COLORS.now],
      [chart.year - 1, COLORS.before],
    ] as const;
    years.forEach(([year, color], i) => {
      const x = labelWidth + i * FONT * 6;
      parts.push(`<rect x="${x}" y="${FONT / 4}" width="${FONT}" height="${FONT * 0.75}" fill="${color}"/>`, text(x + FONT * 1.4, FONT * 0.625, `${year}年`));
    });
  }
  chart.bars.forEach((b, i) => {
    const top = legend + i * rowHeight;
    const middle = top + rowHeight / 2;
    const shown = labels[i]!.slice(0, Math.max(1, Math.floor(rowHeight / LINE)));
    shown.forEach((line, k) => parts.push(text(labelWidth - GAP, middle + (k - (shown.length - 1) / 2) * LINE, line, 'end')));
    const drawn: (readonly [number, string])[] = chart.compared ? [[b.value, COLORS.now], [b.previous ?? 0, COLORS.before]] : [[b.value, COLORS.now]];
    const first = middle - (drawn.length * bar + (drawn.length - 1) * 2) / 2;
    drawn.forEach(([value, color], k) => {
      const y = first + k * (bar + 2);
      const w = Math.max(value * scale, value > 0 ? 1 : 0);
      parts.push(`<rect x="${labelWidth}" y="${round(y)}" width="${round(w)}" height="${round(bar)}" fill="${color}"/>`);
      parts.push(text(labelWidth + w + GAP / 2, y + bar / 2, amount(value), 'start', Math.min(chart.compared ? FONT * 0.8 : FONT, Math.max(bar, FONT * 0.6))));
    });
  });
  // The axis the bars grow from.
  parts.push(`<line x1="${labelWidth}" y1="${legend}" x2="${labelWidth}" y2="${round(height)}" stroke="#000" stroke-width="1"/>`);

  const description = chart.description ?? describe(chart);
  return [
    // What was drawn, as data: a page saved from the web imports back into a chart (nianbao import).
    `<figure class="chart" id="${esc(id)}" data-chart="${esc(JSON.stringify({ unit: chart.unit, year: chart.year, compared: chart.compared, bars: chart.bars }))}">`,
    `<figcaption class="chart-title" id="${esc(id)}-t">${esc(chart.title)}</figcaption>`,
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="${esc(id)}-t ${esc(id)}-d" viewBox="0 0 ${WIDTH} ${round(height)}" width="100%" preserveAspectRatio="xMinYMin meet">`,
    `<title>${esc(chart.title)}</title><desc id="${esc(id)}-d">${esc(description)}</desc>`,
    ...parts,
    '</svg>',
    '</figure>',
  ].join('\n');
}

/** A label in lines that fit `room`: at most three, the last ending in … when the label is longer. */
function lines(label: string, room: number, width: (text: string) => number): string[] {
  const out: string[] = [];
  let line = '';
  for (const c of label) {
    if (line && width(line + c) > room) {
      out.push(line);
      line = '';
    }
    line += c;
  }
  if (line) out.push(line);
  if (out.length <= MAX_LINES) return out;
  const kept = out.slice(0, MAX_LINES);
  let last = kept[MAX_LINES - 1]!;
  while (last && width(`${last}…`) > room) last = [...last].slice(0, -1).join('');
  kept[MAX_LINES - 1] = `${last}…`;
  return kept;
}

/** What the chart shows, in words: 予以公开：2024年31件，2023年20件；… */
export function describe(chart: Chart): string {
  return chart.bars
    .map((b) => `${b.label}：${chart.compared ? `${chart.year}年${b.value}${chart.unit}，${chart.year - 1}年${b.previous}${chart.unit}` : `${b.value}${chart.unit}`}`)
    .join('；') + '。';
}

function text(x: number, y: number, content: string, anchor: 'start' | 'end' = 'start', size = FONT): string {
  return `<text x="${round(x)}" y="${round(y)}" font-size="${size}" text-anchor="${anchor}" dominant-baseline="central">${esc(content)}</text>`;
}

function round(v: number): number {
  return Math.round(v * 10) / 10;
}
