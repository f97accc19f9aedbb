/** What a build says about its volume (`--volume`), Chinese and English side by side. */

import type { SideBySide } from './lang.js';
import type { VolumeResult } from '../volume/result.js';

/** Texts of the volume's lines in the build's summary. */
export const volumeText = {
  ok: {
    'zh-CN': (v: VolumeResult) => `汇编已生成 ${v.path}：${v.reports.length} 份报告，共 ${v.pages} 页；本次排印 ${v.printed.length} 份，沿用 ${v.reports.length - v.printed.length} 份。`,
    en: (v: VolumeResult) => `Volume written to ${v.path}: ${v.reports.length} report(s), ${v.pages} pages; ${v.printed.length} printed for it now, ${v.reports.length - v.printed.length} reused.`,
  },
  unchanged: {
    'zh-CN': (v: VolumeResult) => `汇编 ${v.path} 没有变化（${v.reports.length} 份报告），未重新生成。`,
    en: (v: VolumeResult) => `Volume ${v.path} is up to date (${v.reports.length} report(s)); not rebuilt.`,
  },
  empty: { 'zh-CN': (v: VolumeResult) => `没有可以收入汇编 ${v.path} 的报告，未生成。`, en: (v: VolumeResult) => `No report to bind into ${v.path}; nothing written.` },
  failed: {
    'zh-CN': (v: VolumeResult) => `汇编 ${v.path} 未能生成：${v.error?.message ?? ''}`,
    en: (v: VolumeResult) => `The volume ${v.path} could not be made: ${v.error?.message ?? ''}`,
  },
  interrupted: {
    'zh-CN': (v: VolumeResult) => `运行已中断，汇编 ${v.path} 未生成。`,
    en: (v: VolumeResult) => `The run was interrupted: the volume ${v.path} was not written.`,
  },
  leftOut: { 'zh-CN': '有错误、未收入汇编的报告：', en: 'Left out of the volume (they have errors):' },
  lastYear: {
    'zh-CN': (file: string) => `未编入汇编：${file} 为上一年度报告`,
    en: (file: string) => `Left out of the volume: ${file} is last year's report`,
  },
  otherYear: {
    'zh-CN': (file: string, year: number, volumeYear: number) => `未编入汇编：${file} 为 ${year} 年度报告（汇编为 ${volumeYear} 年度）`,
    en: (file: string, year: number, volumeYear: number) => `Left out of the volume: ${file} is a report of ${year} (the volume is of ${volumeYear})`,
  },
  unlisted: { 'zh-CN': '顺序文件中没有对应报告的行：', en: 'Lines of the order file that name no report:' },
} satisfies Record<string, SideBySide<unknown>>;
