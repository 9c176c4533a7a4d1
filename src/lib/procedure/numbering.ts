// The one step numbering: a step's number is its place in reading order
// (1, 2, 3 …), on the page, in 演示模式, search, quizzes, the handbook and
// print. Where the source numbers its own steps ("2、确定接待级别",
// "1.4.2 办公室准备…"), that label is kept apart from the title and always
// shown as 「原文 1.4.2」, so it cannot be read as the site's number.
// Pure and small: the browser (search, walkthrough) uses it too.

export interface StepNumber {
  /** Place in reading order, from 1. */
  number: number;
  /** The source's own section label, without its separator: "2", "1.4.2", "一". */
  sourceLabel?: string;
  /** The title without the source's label. */
  title: string;
}

const CHINESE_NUMERAL = '[一二三四五六七八九十]+';
// "3.5 小时" is a figure, not section 3.5.
const UNIT = '(?!小时|分钟|秒|天|周|个月|年|元|万|米|公里|倍|%|％|岁)';
// "1、" "1." "1．" "1.4.2 " "(1)" "(一)" "一、": a label must end in a separator, so a
// title that starts with a figure ("24 小时值班", "3.5 小时内回复") is not cut.
const SOURCE_LABEL = new RegExp(
  [
    String.raw`^(\d+(?:\.\d+)+)(?:\s*[、．]\s*|\s+)${UNIT}(?=\S)`,
    String.raw`^(\d+)\s*(?:[、．]|\.(?!\d))\s*${UNIT}(?=\S)`,
    String.raw`^(${CHINESE_NUMERAL})\s*、\s*(?=\S)`,
    String.raw`^[(（](\d+|${CHINESE_NUMERAL})[)）]\s*(?=\S)`,
  ].join('|'),
  'u',
);

/** "1.4.2 办公室准备国旗" → { sourceLabel: "1.4.2", title: "办公室准备国旗" }. */
export function splitSourceLabel(title: string): { sourceLabel?: string; title: string } {
  const match = SOURCE_LABEL.exec(title);
  if (!match) return { title };
  const label = match.slice(1).find((group) => group !== undefined)!;
  return { sourceLabel: label, title: title.slice(match[0].length).trim() };
}

/** Every step's number, in reading order. */
export function numberSteps(steps: readonly { id: string; title: string }[]): Map<string, StepNumber> {
  return new Map(steps.map((step, index) => [step.id, { number: index + 1, ...splitSourceLabel(step.title) }]));
}

/** 「原文 1.4.2」: how the source's label is always written. */
export function sourceLabelText(label: string): string {
  return `原文 ${label}`;
}

/** "第 3 步:确定接待级别(原文 2)": a step named on its own line (search results, lists, print). */
export function stepHeading(step: StepNumber): string {
  return `第 ${step.number} 步:${step.title}${step.sourceLabel ? `(${sourceLabelText(step.sourceLabel)})` : ''}`;
}

/** "第 3 步「确定接待级别」": a step named inside a sentence (quiz answers, variant notes). */
export function stepMention(step: StepNumber): string {
  return `第 ${step.number} 步「${step.title}」`;
}

const HEADING = /^第\s*(\d+)\s*步[::]\s*(.*?)(?:[((]原文\s*([^()()]+)[))])?$/su;

/** The parts of a `stepHeading` text, e.g. a search result's title; undefined for other text. */
export function parseStepHeading(text: string): StepNumber | undefined {
  const match = HEADING.exec(text.trim());
  if (!match) return undefined;
  return { number: Number(match[1]), title: match[2]!.trim(), ...(match[3] ? { sourceLabel: match[3].trim() } : {}) };
}
