// From the texts a procedure file had in its git history to the steps of each
// version in its change log, and the step diff of each version against the
// one before it. The git reading itself lives in src/build/git-history.ts.
import yaml from 'js-yaml';
import { procedureSchema, type ProcedureData, type Step } from './procedure/schema';
import { sortedChanges } from './changelog';
import { diffSteps, type StepDiff } from './step-diff';

/** Why no step diff could be worked out. */
export type HistoryGap = 'no-git' | 'shallow' | 'untracked' | 'missing-version';

export const GAP_TEXT: Record<HistoryGap, string> = {
  'no-git': '本次构建没有 git 历史(不在 git 仓库中,或没有安装 git),无法逐步对比,只显示更新记录的文字。',
  shallow: '本次构建的 git 历史不完整(浅克隆),无法逐步对比,只显示更新记录的文字。',
  untracked: '这个文件还没有提交到 git,无法逐步对比,只显示更新记录的文字。',
  'missing-version': 'git 历史里找不到上一版的内容,无法逐步对比,只显示更新记录的文字。',
};

export interface VersionDiff {
  version: string;
  /** The version compared against; undefined for the first version. */
  previous?: string;
  diff?: StepDiff;
  gap?: HistoryGap;
}

/** Steps of a procedure file's text, or undefined when it does not parse (old schema, broken commit). */
export function stepsOfText(text: string): { version: string; steps: Step[] } | undefined {
  const match = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
  if (!match) return undefined;
  try {
    const parsed = procedureSchema.safeParse(yaml.load(match[1]!));
    return parsed.success ? { version: parsed.data.version, steps: parsed.data.steps } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * `texts`: the file's content at each commit that touched it, newest first.
 * Each version's steps are those of the newest commit at that version; the
 * current version's are the current data (the working tree may be ahead).
 */
export function versionDiffs(
  current: Pick<ProcedureData, 'version' | 'steps' | 'changelog'>,
  texts: readonly string[] | HistoryGap,
): VersionDiff[] {
  const versions = sortedChanges(current).map((c) => c.version);
  const stepsAt = new Map<string, Step[]>([[current.version, current.steps]]);
  if (typeof texts !== 'string') {
    for (const text of texts) {
      const parsed = stepsOfText(text);
      if (parsed && !stepsAt.has(parsed.version)) stepsAt.set(parsed.version, parsed.steps);
    }
  }
  return versions.map((version, index): VersionDiff => {
    const previous = versions[index + 1];
    if (previous === undefined) return { version };
    if (typeof texts === 'string') return { version, previous, gap: texts };
    const before = stepsAt.get(previous);
    const after = stepsAt.get(version);
    if (!before || !after) return { version, previous, gap: 'missing-version' };
    return { version, previous, diff: diffSteps(before, after) };
  });
}
