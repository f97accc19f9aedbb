/** Chinese explanations of js-yaml's most common syntax errors (its own text is English). */

const REASONS_ZH: readonly (readonly [RegExp, string])[] = [
  [/^bad indentation of a mapping entry/, '这一项的缩进与同级的其他项不一致'],
  [/^bad indentation of a sequence entry/, '列表项（“- ”）的缩进与同级的其他项不一致'],
  [/^deficient indentation/, '缩进不够，或上一行有未闭合的括号、引号'],
  [/^end of the stream or a document separator is expected/, '这里多出了内容：可能是缩进错了，或冒号后缺少空格'],
  [/^unexpected end of the stream within a flow collection/, '方括号或花括号没有闭合'],
  [/^missed comma between flow collection entries/, '方括号或花括号中的各项之间缺少逗号'],
  [/^can not read a block mapping entry; a multiline key/, '键不能跨行：可能是冒号后缺少空格，或文字中的冒号需要加引号'],
  [/^a whitespace character is expected after the key-value separator/, '冒号后面要有一个空格'],
  [/^unexpected end of the (stream|document) within a (double|single) quoted scalar/, '引号没有闭合'],
  [/^unknown escape sequence/, '双引号中有无法识别的转义（反斜杠）；可改用单引号或“|”块'],
  [/^expected the node content, but found/, '这里缺少内容，或有多余的符号'],
  [/^the stream contains non-printable characters/, '文件中有不可见的控制字符'],
  [/^name of an (alias|anchor) node must contain at least one character/, '“&”或“*”后面缺少名称；如果是正文，请给这段文字加引号'],
  [/^unidentified alias/, '引用了未定义的锚点（*名称）'],
  [/^duplication of an anchor property/, '同一个值有两个锚点（&）'],
  [/^a line break is expected/, '这里应当换行'],
  [/^expected ':' after a mapping key/, '键后面缺少冒号“:”（注意要用半角冒号）'],
  [/^colon in a plain value/, '这一行的值里有“冒号+空格”：请给整个值加引号，例如 title: "说明: 某某"'],
];

/** The Chinese explanation of a js-yaml error reason, or the reason itself when none is known. */
export function yamlReasonZh(reason: string): string {
  return REASONS_ZH.find(([re]) => re.test(reason))?.[1] ?? reason;
}
