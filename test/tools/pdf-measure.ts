/**
 * Measures a PDF as its reader sees it: every run of text with its page, position (mm from the
 * page's top-left), size (pt), rotation, and whether the tagged structure puts it in a table
 * cell (TH/TD). Uses pdfjs-dist, so tests need no Python.
 */

import { readFileSync } from 'node:fs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

const MM = 25.4 / 72;

/** One run of text on a page. */
export interface Run {
  readonly page: number;
  readonly text: string;
  /** Left and top of the run, and its width and height, in mm from the page's top-left. */
  readonly x: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
  /** The glyphs' size in pt. */
  readonly size: number;
  /** The glyphs are turned (sideways text). */
  readonly rotated: boolean;
  /** The structure element the run belongs to (TH, TD, P, H1 …), when the PDF is tagged. */
  readonly role?: string;
  /** The run is inside a Table element. */
  readonly inTable: boolean;
}

interface StructNode {
  role?: string;
  children?: (StructNode | { type: string; id: string })[];
}

/** Every run of text in the PDF, page by page, top to bottom. */
export async function measurePdf(path: string): Promise<{ pages: number; height: number; runs: Run[] }> {
  const doc = await getDocument({ data: new Uint8Array(readFileSync(path)), useSystemFonts: false, isEvalSupported: false }).promise;
  const runs: Run[] = [];
  let height = 0;
  for (let p = 1; p <= doc.numPages; p++) {
    const page = await doc.getPage(p);
    const view = page.getViewport({ scale: 1 });
    height = view.height * MM;
    // Marked-content id → [role, inside a Table].
    const roles = new Map<string, [string, boolean]>();
    const walk = (node: StructNode, inTable: boolean) => {
      const table = inTable || node.role === 'Table';
      for (const child of node.children ?? []) {
        if ('type' in child && child.type === 'content') roles.set((child as { id: string }).id, [node.role ?? '', table]);
        else walk(child as StructNode, table);
      }
    };
    const tree = (await page.getStructTree()) as StructNode | null;
    if (tree) walk(tree, false);
    const content = await page.getTextContent({ includeMarkedContent: true });
    const stack: (string | undefined)[] = [];
    for (const item of content.items as Record<string, unknown>[]) {
      if (item.type === 'beginMarkedContentProps' || item.type === 'beginMarkedContent') {
        stack.push(typeof item.id === 'string' ? item.id : stack[stack.length - 1]);
        continue;
      }
      if (item.type === 'endMarkedContent') {
        stack.pop();
        continue;
      }
      const text = String(item.str ?? '');
      if (!text.trim()) continue;
      const [a, b, c, d, e, f] = item.transform as number[];
      const size = Math.hypot(a!, b!);
      const role = roles.get(stack[stack.length - 1] ?? '');
      runs.push({
        page: p,
        text,
        x: e! * MM,
        top: (view.height - f! - Math.abs(d!)) * MM,
        width: Number(item.width) * MM,
        height: Math.abs(d!) * MM,
        size: Math.round(size * 100) / 100,
        rotated: Math.abs(b!) > 1e-3 || Math.abs(c!) > 1e-3,
        ...(role ? { role: role[0] } : {}),
        inTable: role?.[1] ?? false,
      });
    }
  }
  await doc.destroy();
  return { pages: doc.numPages, height, runs };
}
