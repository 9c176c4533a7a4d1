// A procedure file as bytes on disk, before any schema: is it UTF-8, is it
// empty, does it have frontmatter, does the YAML parse (and where not, on
// which line of the file). Each problem is one message with the fix, so one
// bad file is reported beside the others instead of stopping the check.
import yaml from 'js-yaml';

export type SourceResult =
  | { ok: true; frontmatter: Record<string, unknown>; body: string; /** Line of the file the body starts on. */ bodyLine: number }
  | { ok: false; message: string };

const FIX_ENCODING =
  '修正:用编辑器把文件另存为 UTF-8(例如 VS Code:点右下角的编码 → “通过编码保存” → UTF-8;记事本:另存为 → 编码选 UTF-8),或运行 iconv -f GBK -t UTF-8 旧文件 > 新文件。';

/** The text of a UTF-8 file, or a message saying it is not UTF-8 (and probably GBK). */
export function decodeSource(bytes: Uint8Array): { ok: true; text: string } | { ok: false; message: string } {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { ok: true, text: text.replace(/^\uFEFF/, '') };
  } catch {
    let gbk = false;
    try {
      new TextDecoder('gbk', { fatal: true }).decode(bytes);
      gbk = true;
    } catch {
      // neither: some other encoding
    }
    return {
      ok: false,
      message: `文件不是 UTF-8 编码${gbk ? '(看起来是 GBK/GB2312)' : ''},中文会读成乱码。${FIX_ENCODING}`,
    };
  }
}

export const EMPTY_FILE =
  '文件是空的。修正:复制一个已有流程的 .mdx 作为开头(两行 --- 之间是 frontmatter 字段),或删掉这个文件。';

const FENCES = /^---[ \t]*\r?\n(?:([\s\S]*?)\r?\n)?---[ \t]*(?:\r?\n|$)([\s\S]*)$/;

/** Parses frontmatter and body; YAML errors give the line and column in the file, not in the frontmatter. */
export function parseSource(text: string): SourceResult {
  if (text.trim() === '') return { ok: false, message: EMPTY_FILE };
  const match = FENCES.exec(text);
  if (!match) {
    return {
      ok: false,
      message: '没有 frontmatter。修正:文件第一行写 ---,接着写流程的字段(code、title、steps …),再用一行 --- 结束,正文写在后面。',
    };
  }
  let data: unknown;
  try {
    data = yaml.load(match[1] ?? '');
  } catch (error) {
    const mark = (error as { mark?: { line: number; column: number } }).mark;
    const reason = (error as { reason?: string }).reason ?? String(error);
    // The frontmatter starts on line 2 of the file (line 1 is ---); js-yaml counts from 0.
    const line = mark ? mark.line + 2 : undefined;
    const source = line ? text.split(/\r?\n/)[line - 1] : undefined;
    return {
      ok: false,
      message:
        `frontmatter 的 YAML 写法有误${line ? `(第 ${line} 行第 ${mark!.column + 1} 列${source !== undefined ? `:${source.trim()}` : ''})` : ''}:${reason}。` +
        '修正:检查这一行和上一行的缩进(只用空格,不用 Tab)、冒号后面的空格,以及引号和括号是否成对;含冒号或 # 的文字要加引号。',
    };
  }
  if (data === null || data === undefined) {
    return { ok: false, message: 'frontmatter 是空的。修正:在两行 --- 之间写上流程的字段(code、title、steps …),可以从已有流程复制。' };
  }
  if (typeof data !== 'object' || Array.isArray(data)) {
    return { ok: false, message: 'frontmatter 不是“字段: 值”的形式。修正:每行写一个字段,例如 title: 前台接待流程。' };
  }
  const body = match[2]!;
  const bodyLine = (text.slice(0, text.length - body.length).match(/\n/g)?.length ?? 0) + 1;
  return { ok: true, frontmatter: data as Record<string, unknown>, body, bodyLine };
}

/** Bytes → frontmatter and body, or the one message that says what is wrong and how to fix it. */
export function readSource(bytes: Uint8Array): SourceResult {
  const decoded = decodeSource(bytes);
  return decoded.ok ? parseSource(decoded.text) : decoded;
}
