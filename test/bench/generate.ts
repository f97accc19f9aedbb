/**
 * Generates department reports for the benchmark and batch tests: the bundled national-format
 * example with another organization, varied table figures (balanced: each variation is added
 * to both sides of table 三's identity) and varied lengths.
 */

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { standalone } from '../helpers.js';

const EXAMPLE = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'examples', 'chengchuan-eco-2024.yaml');
const BODIES = ['生态环境局', '教育局', '民政局', '财政局', '自然资源局', '住房和城乡建设局', '交通运输局', '水利局', '农业农村局', '商务局', '文化广电旅游局', '卫生健康委员会', '应急管理局', '审计局', '市场监督管理局', '统计局', '医疗保障局', '林业局', '人力资源和社会保障局', '司法局'];

let example: string | undefined;

/** The text of department report `i` (0-based). */
function departmentReport(i: number): string {
  const source = (example ??= readFileSync(EXAMPLE, 'utf8'));
  const body = BODIES[i % BODIES.length]!;
  const org = `澄川市${body}${i >= BODIES.length ? `第${Math.floor(i / BODIES.length) + 1}分局` : ''}`;
  let text = standalone(source).replace(/澄川市生态环境局/g, org);
  // Balanced variation: k more applications received and granted, for natural persons.
  const k = (i * 7) % 23;
  text = text.replace(/^(\s+new: \{ natural: )(\d+)/m, (_, h: string, n: string) => `${h}${Number(n) + k}`);
  text = text.replace(/^(\s+granted: \{ natural: )(\d+)/m, (_, h: string, n: string) => `${h}${Number(n) + k}`);
  text = text.replace(/^(\s+licensing: )(\d+)/m, (_, h: string, n: string) => `${h}${Number(n) + i}`);
  // Varied length: repeat the first paragraph of 一、总体情况 0–2 extra times.
  const extra = i % 3;
  if (extra) {
    text = text.replace(/^(    text: \|\n)((?: {6}.*\n)+?)/m, (_, head: string, para: string) => `${head}${para}${`\n${para}`.repeat(extra)}`);
  }
  return text;
}

/** Writes `n` department reports below `dir` (ten to a sub-folder) and returns their paths. */
export function writeDepartments(dir: string, n: number): string[] {
  const files: string[] = [];
  for (let i = 0; i < n; i++) {
    const sub = join(dir, `group-${String(Math.floor(i / 10)).padStart(2, '0')}`);
    mkdirSync(sub, { recursive: true });
    const file = join(sub, `dept-${String(i).padStart(3, '0')}.yaml`);
    writeFileSync(file, departmentReport(i));
    files.push(file);
  }
  return files;
}
