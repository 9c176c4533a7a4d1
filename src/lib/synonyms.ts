// Search synonyms and variant spellings (content/synonyms.yaml): the schema,
// the cross-group check, and the groups the browser expands queries with.
import { z } from 'astro/zod';
import { cleanQuery } from './search-query';

const nonEmpty = z.string().trim().min(1, '不能为空');

export const synonymGroupSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/, '只能用小写字母、数字和连字符'),
  words: z
    .array(nonEmpty)
    .min(2, '一组至少要有两个写法')
    .refine((words) => new Set(words).size === words.length, '同一组里有重复的写法'),
  note: z.string().optional(),
});
export type SynonymGroup = z.infer<typeof synonymGroupSchema>;

/** A word in two groups would make expansion ambiguous: one message per clash. */
export function synonymIssues(groups: readonly SynonymGroup[]): string[] {
  const owner = new Map<string, string>();
  const issues: string[] = [];
  for (const group of groups) {
    for (const word of group.words) {
      const other = owner.get(word);
      if (other && other !== group.id) {
        issues.push(
          `content/synonyms.yaml: "${word}" 同时出现在 "${other}" 和 "${group.id}" 两组。修正:合并成一组,或删掉其中一处。`,
        );
      } else owner.set(word, group.id);
    }
  }
  return issues;
}

/**
 * All the word groups search treats as one: the synonyms list plus the
 * names and aliases of roles and glossary terms, each word cleaned the way a query is
 * (免查房/保密房 → 免查房 保密房). Groups that share a word are merged.
 */
export function searchSynonyms(
  groups: readonly { words: readonly string[] }[],
  named: readonly { name: string; aliases: readonly string[] }[],
): string[][] {
  // A role or term with no alias is still one word (接待助理, not 接待 + 助理): kept as a group of one.
  const all = [...groups.map((g) => g.words), ...named.map((n) => [n.name, ...n.aliases])]
    .map((words) => [...new Set(words.map((w) => cleanQuery(w).text).filter(Boolean))])
    .filter((words) => words.length > 0);
  const merged: Set<string>[] = [];
  for (const words of all) {
    const touching = merged.filter((set) => words.some((w) => set.has(w)));
    if (touching.length === 0) {
      merged.push(new Set(words));
      continue;
    }
    const [first, ...rest] = touching;
    for (const set of rest) {
      for (const w of set) first!.add(w);
      merged.splice(merged.indexOf(set), 1);
    }
    for (const w of words) first!.add(w);
  }
  return merged.map((set) => [...set]);
}
