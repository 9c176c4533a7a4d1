// Every procedure keeps a change log, and its newest entry is the version the
// page shows: the 更新记录 page and "changed since your last visit" rely on it.
import { describe, expect, it } from 'vitest';
import { latestChange } from '../../src/lib/changelog';
import { procedureSchema } from '../../src/lib/procedure/schema';
import { procedureFiles, readMdx } from '../helpers/content-files';

const entries = procedureFiles().map(readMdx);

describe('procedure change logs', () => {
  it.each(entries.map((e) => [e.file, e] as const))('%s has a change log ending at its version', (file, entry) => {
    const raw = (entry.frontmatter as { changelog?: unknown }).changelog;
    expect(Array.isArray(raw) && raw.length > 0, `${file}: 请在 changelog 里至少写一条(version、date、changes)`).toBe(true);
    // In a YAML {…} line an unquoted ASCII comma ends the text: "changes: 甲,乙" keeps only 甲.
    for (const item of raw as object[]) {
      expect(Object.keys(item).sort(), `${file}: changelog 条目只能有 version、date、changes;文字里有逗号时请加引号`).toEqual([
        'changes',
        'date',
        'version',
      ]);
    }
    const data = procedureSchema.parse(entry.frontmatter);
    expect(latestChange(data)?.version, `${file}: version 应与最新一条 changelog 的版本一致`).toBe(data.version);
  });
});
