/**
 * Layout steps that need the browser's own line and page breaking. They run in the page through
 * the DevTools protocol (page scripts stay disabled) after a document is loaded and before it
 * is printed; the whole step is one function, with its helpers inside it, because it is serialised into
 * the page.
 *
 * 1. A table cell that spans rows (`th.repeat[rowspan]`, e.g. table 三's upright
 *    三、本年度办理结果) would keep all its rows on one page, or leave its continuation blank.
 *    The page breaks are found by laying the report out in columns of the type area's size
 *    (the same fragmentation engine as the printed pages), then the cell is split at each break
 *    and its label repeated in every page's part.
 * 2. A token that must not be split (a phone number, an e-mail address, a URL: `.nobr`) that
 *    starts a line would leave the line before it stretched by justification: that line is
 *    ended with a forced break instead, so it stays as set.
 * 3. The 落款 (signer and date) would stand alone on the last page: the last lines of the text
 *    go with it.
 *
 * Each step only improves the page; one that throws is skipped (what it changed may stay).
 */

/** Runs the steps on the loaded document; says what each did. */
export function prepareForPrint(): { ended: number; split: number; signature: number } {
  const report = document.querySelector<HTMLElement>('.report');
  const area = typeArea();
  if (!report || !area) return { ended: 0, split: 0, signature: 0 };
  // The page lays out at the window's width; the printed page at the type area's.
  const saved = report.getAttribute('style');
  report.style.cssText += `;width:${area.width}px;max-width:none`;
  // Each step only improves the page: one that fails (a custom template's odd markup) leaves it as it is.
  const step = (run: () => number) => {
    try {
      return run();
    } catch {
      return -1;
    }
  };
  const ended = step(keepTokensWhole);
  const split = step(() => repeatSpanningLabels(report, area));
  const signature = step(() => keepSignatureWithText(report, area));
  if (saved === null) report.removeAttribute('style');
  else report.setAttribute('style', saved);
  return { ended, split, signature };

  /** Lays the report out in columns of the type area (each column a printed page), runs `measure`, and lays it out again. */
  function inPages<T>(report: HTMLElement, area: { width: number; height: number; gap: number }, measure: (pageOf: (rect: DOMRect) => number) => T): T {
    const before = report.style.cssText;
    report.style.cssText += `;columns:${area.width}px;column-gap:${area.gap}px;column-fill:auto;height:${area.height}px;overflow:visible`;
    const left = report.getBoundingClientRect().left;
    try {
      return measure((rect) => Math.round((rect.left - left) / (area.width + area.gap)));
    } finally {
      report.style.cssText = before;
    }
  }

  /**
   * GB/T 9704 §7.3.5: the 落款 never stands alone on a page. When it would start a page, the last
   * two lines of the paragraph before it go to that page with it (the paragraph is split there;
   * a short one goes whole). Returns 1 when it moved text.
   */
  function keepSignatureWithText(report: HTMLElement, area: { width: number; height: number; gap: number }): number {
    const signature = report.querySelector<HTMLElement>('.signature');
    if (!signature) return 0;
    // What the page shows last before the signature: a paragraph, a table's row, a heading.
    const blocks = Array.from(report.querySelectorAll<HTMLElement>('p, tr, h1, h2, h3, h4, h5, h6, li, caption')).filter(
      (el) => !signature.contains(el) && el.compareDocumentPosition(signature) & Node.DOCUMENT_POSITION_FOLLOWING,
    );
    const before = blocks[blocks.length - 1];
    // Only a paragraph can give lines to the signature's page; a table's last rows are left as they are.
    if (!before || before.tagName !== 'P') return 0;
    const last = before;
    const alone = inPages(report, area, (pageOf) => {
      const rects = last.getClientRects();
      return pageOf(signature.getBoundingClientRect()) > pageOf(rects[rects.length - 1] ?? last.getBoundingClientRect());
    });
    if (!alone) return 0;
    // The characters that start each line of the paragraph, as the page breaks lines (in one
    // column: a multi-column layout may break a paragraph's lines at other places).
    const plan: { node: Text; offset: number }[] = [];
    const walker = document.createTreeWalker(last, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    let top = -Infinity;
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      for (let i = 0; i < node.data.length; i++) {
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const rect = range.getClientRects()[0];
        if (!rect) continue;
        if (rect.top > top + rect.height / 2) plan.push({ node, offset: i });
        top = Math.max(top, rect.top);
      }
    }
    // Two lines go with the signature, two at least stay behind; else the whole paragraph goes.
    if (plan.length < 4) {
      last.style.breakBefore = 'page';
      return 1;
    }
    const from = plan[plan.length - 2]!;
    range.setStart(from.node, from.offset);
    range.setEnd(last, last.childNodes.length);
    const rest = last.cloneNode(false) as HTMLElement;
    rest.appendChild(range.extractContents());
    rest.style.textIndent = '0';
    rest.style.breakBefore = 'page';
    last.after(rest);
    // The part left behind ends in a full line, set as the full lines before it. Only its last
    // line: lines ended on purpose before (keepTokensWhole) must stay as they are, so what follows
    // the last such break becomes a block of its own.
    const breaks = last.querySelectorAll('br');
    const lastBreak = breaks[breaks.length - 1];
    let tail = last;
    if (lastBreak) {
      range.setStartAfter(lastBreak);
      range.setEnd(last, last.childNodes.length);
      tail = last.cloneNode(false) as HTMLElement;
      tail.appendChild(range.extractContents());
      tail.style.textIndent = '0';
      lastBreak.remove();
      last.after(tail);
    }
    tail.style.textAlignLast = 'justify';
    return 1;
  }

  function repeatSpanningLabels(report: HTMLElement, area: { width: number; height: number; gap: number }): number {
    // Cells that span two rows or more (rowspan="0", "to the end", is left as it is).
    const cells = Array.from(document.querySelectorAll<HTMLTableCellElement>('th.repeat[rowspan]')).filter((c) => c.rowSpan >= 2);
    if (cells.length === 0) return 0;

    // Grid columns of each cell as the table lays them out (rowspans taken into account).
    const columnOf = new Map<HTMLTableCellElement, number>();
    for (const table of new Set(cells.map((c) => c.closest('table')!))) {
      const taken: boolean[][] = [];
      Array.from(table.rows).forEach((row, r) => {
        let col = 0;
        for (const cell of Array.from(row.cells)) {
          while (taken[r]?.[col]) col++;
          columnOf.set(cell, col);
          for (let dr = 0; dr < cell.rowSpan; dr++) for (let dc = 0; dc < cell.colSpan; dc++) (taken[r + dr] ??= [])[col + dc] = true;
          col += cell.colSpan;
        }
      });
    }

    // Each spanning cell becomes one cell a row (the first holds the label): rows can then break anywhere.
    const parts = cells.map((cell) => {
      const first = cell.parentElement as HTMLTableRowElement;
      const rows = Array.from({ length: cell.rowSpan }, (_, i) => (first.parentElement as HTMLTableSectionElement).rows[first.sectionRowIndex + i]!).filter(Boolean);
      const column = columnOf.get(cell)!;
      const label = cell.innerHTML;
      const slots = rows.map((row, i) => {
        if (i === 0) return cell;
        const slot = cell.cloneNode(false) as HTMLTableCellElement;
        slot.innerHTML = '';
        const after = Array.from(row.cells).find((c) => (columnOf.get(c) ?? 0) > column);
        row.insertBefore(slot, after ?? null);
        return slot;
      });
      for (const slot of slots) slot.rowSpan = 1;
      cell.innerHTML = '';
      return { rows, slots, label };
    });

    // Which printed page each row falls on.
    const pages = inPages(report, area, (pageOf) => parts.map((p) => p.rows.map((row) => pageOf(row.getBoundingClientRect()))));

    // Back to one cell per page: each page's part of the rows spanned by a cell holding the label.
    let split = 0;
    parts.forEach(({ rows, slots, label }, i) => {
      const on = pages[i]!;
      let start = 0;
      for (let r = 1; r <= rows.length; r++) {
        if (r < rows.length && on[r] === on[start]) continue;
        const keep = slots[start]!;
        keep.rowSpan = r - start;
        keep.innerHTML = label;
        for (let k = start + 1; k < r; k++) slots[k]!.remove();
        if (start > 0) split++;
        start = r;
      }
    });
    return split;
  }

  /** Width and height of the type area in CSS px, from the first @page rule's size and margins. */
  function typeArea(): { width: number; height: number; gap: number } | undefined {
    const MM = 96 / 25.4;
    const sizes: Record<string, [number, number]> = { A4: [210, 297], A3: [297, 420], A5: [148, 210], B5: [176, 250] };
    for (const sheet of Array.from(document.styleSheets)) {
      for (const rule of Array.from(sheet.cssRules)) {
        const page = rule instanceof CSSMediaRule ? Array.from(rule.cssRules).find((r) => r instanceof CSSPageRule && !r.selectorText) : rule;
        if (!(page instanceof CSSPageRule) || page.selectorText) continue;
        const words = page.style.getPropertyValue('size').trim().split(/\s+/);
        const portrait = sizes[words[0]!.toUpperCase()];
        const size = portrait && words.includes('landscape') ? ([portrait[1], portrait[0]] as [number, number]) : portrait;
        const mm = (v: string) => (/^[\d.]+mm$/.test(v) ? parseFloat(v) : NaN);
        const [top, right, bottom, leftMargin] = ['top', 'right', 'bottom', 'left'].map((side) => mm(page.style.getPropertyValue(`margin-${side}`)));
        if (!size || [top, right, bottom, leftMargin].some((v) => Number.isNaN(v))) continue;
        return { width: (size[0] - leftMargin! - right!) * MM, height: (size[1] - top! - bottom!) * MM, gap: 20 * MM };
      }
    }
    return undefined;
  }

  /** Ends the line before a `.nobr` token that starts a line, so that line is not stretched; returns how many. */
  function keepTokensWhole(): number {
    let ended = 0;
    const range = document.createRange();
    const rectOf = (node: Text, i: number) => {
      range.setStart(node, i);
      range.setEnd(node, i + 1);
      return range.getClientRects()[0];
    };
    // A phone number, e-mail or web address (kept whole by the template).
    for (const token of Array.from(document.querySelectorAll<HTMLElement>('.report .nobr'))) {
      const before = token.previousSibling;
      if (!before || before.nodeType !== Node.TEXT_NODE || !before.textContent) continue;
      const text = before as Text;
      const last = rectOf(text, text.data.length - 1);
      const first = token.getClientRects()[0];
      // The token starts on a line below the text just before it: that line was broken before the token.
      if (first && last && last.height > 0 && first.top > last.top + last.height / 2) {
        token.before(document.createElement('br'));
        ended++;
      }
    }
    // Any other run of figures or Latin letters (100%, 2024, GB/T) that opens a line after a spread-out one.
    for (const p of Array.from(document.querySelectorAll<HTMLElement>('.report p'))) {
      if (p.closest('table')) continue;
      const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
      const chars: { node: Text; i: number }[] = [];
      for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
        if (n.parentElement?.closest('.nobr')) continue;
        for (let i = 0; i < n.data.length; i++) chars.push({ node: n, i });
      }
      const text = chars.map((c) => c.node.data[c.i]).join('');
      const size = parseFloat(getComputedStyle(p).fontSize);
      for (const m of text.matchAll(/[A-Za-z0-9][A-Za-z0-9.,:%/_+-]{2,}/g)) {
        if (m.index < 6) continue;
        const at = chars[m.index]!;
        const first = rectOf(at.node, at.i);
        const prev = rectOf(chars[m.index - 1]!.node, chars[m.index - 1]!.i);
        const earlier = rectOf(chars[m.index - 6]!.node, chars[m.index - 6]!.i);
        if (!first || !prev || !earlier || first.top <= prev.top + prev.height / 2 || Math.abs(earlier.top - prev.top) > prev.height / 2) continue;
        // Five characters' pitch against the type size: justified Chinese is spread over the gap the run left.
        if ((prev.left - earlier.left) / 5 <= size * 1.05) continue;
        const br = document.createElement('br');
        if (at.i === 0) (at.node.previousSibling || at.node.parentElement === p ? at.node : at.node.parentElement!).before(br);
        else at.node.splitText(at.i).before(br);
        ended++;
        break; // positions after this one changed: the paragraph's later runs rarely need it too
      }
    }
    return ended;
  }
}
