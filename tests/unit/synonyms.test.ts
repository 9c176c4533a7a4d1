// content/synonyms.yaml checked without a build: valid groups, no word in
// two groups, and every group able to find something (one of its words is
// in the content).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { synonymGroupSchema, synonymIssues } from '../../src/lib/synonyms';
import { CONTENT, procedureFiles, readYamlList } from '../helpers/content-files';

const groups = readYamlList('synonyms.yaml').map((g) => synonymGroupSchema.parse(g));

describe('content/synonyms.yaml', () => {
  it('has valid groups with no word in two of them', () => {
    expect(groups.length).toBeGreaterThan(0);
    expect(synonymIssues(groups)).toEqual([]);
  });

  it('links the spellings and words the issue names', () => {
    const together = (a: string, b: string) => groups.some((g) => g.words.includes(a) && g.words.includes(b));
    expect(together('结账', '结帐')).toBe(true);
    expect(together('预定', '预订')).toBe(true);
    expect(together('退房', '离店')).toBe(true);
    expect(together('登记', '入住')).toBe(true);
  });

  it('has in every group a word the handbook uses', () => {
    const text = [
      ...procedureFiles().map((f) => readFileSync(f, 'utf8')),
      readFileSync(`${CONTENT}/glossary.yaml`, 'utf8'),
    ].join('\n');
    for (const group of groups) expect(group.words.some((w) => text.includes(w)), group.id).toBe(true);
  });
});
