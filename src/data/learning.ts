// Learning paths and quizzes, loaded once for every page that needs them. A
// path that names an unknown procedure code stops the build here.
import { getCollection } from 'astro:content';
import { ContentError, getHandbook, type ProcedureEntry } from './handbook';
import { validateLearningPaths, type LearningPath } from '../lib/learning-paths';
import { buildQuiz, type Question } from '../lib/quiz';
import { contentDir } from '../lib/content-dir';

export interface PathItem {
  why: string;
  procedure: ProcedureEntry;
  quiz: Question[];
}

export interface ResolvedPath extends Omit<LearningPath, 'items'> {
  items: PathItem[];
}

export interface Learning {
  paths: ResolvedPath[];
  /** The quiz of a procedure (empty when its data supports no question). */
  quizOf(procedure: ProcedureEntry): Question[];
  /** Paths a procedure is on. */
  pathsWith(procedure: ProcedureEntry): ResolvedPath[];
}

async function load(): Promise<Learning> {
  const handbook = await getHandbook();
  const entries = await getCollection('learningPaths');
  const file = entries[0]?.filePath ?? `${contentDir()}/learning-paths.yaml`;
  const raw = entries.map((e) => e.data).sort((a, b) => a.order - b.order);
  const byCode = new Map(handbook.procedures.map((p) => [p.data.code, p]));
  const problems = validateLearningPaths(file, raw, { codes: new Set(byCode.keys()), roles: handbook.roleIndex });
  if (problems.length > 0) throw new ContentError(`学习路径有误,构建已停止:\n${problems.join('\n')}`);

  const quizzes = new Map(
    handbook.procedures.map((p) => [
      p.id,
      buildQuiz({ procedure: p.model, ...(p.placed.levels ? { levels: handbook.levels } : {}) }),
    ]),
  );
  const quizOf = (procedure: ProcedureEntry) => quizzes.get(procedure.id) ?? [];
  const paths = raw.map(
    (path): ResolvedPath => ({
      ...path,
      items: path.items.map((item) => {
        const procedure = byCode.get(item.code)!;
        return { why: item.why, procedure, quiz: quizOf(procedure) };
      }),
    }),
  );
  return {
    paths,
    quizOf,
    pathsWith: (procedure) => paths.filter((p) => p.items.some((i) => i.procedure.id === procedure.id)),
  };
}

let cached: Promise<Learning> | undefined;

export function getLearning(): Promise<Learning> {
  cached ??= load();
  return cached;
}
