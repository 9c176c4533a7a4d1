// The quizzes the build should have made, computed from content/ the same way
// src/data/learning.ts does, so site tests can compare pages against them.
import { buildProcedure } from '../../src/lib/procedure/build';
import { join } from 'node:path';
import { procedureSchema, type ProcedureData } from '../../src/lib/procedure/schema';
import { receptionLevelSchema } from '../../src/lib/reference-schemas';
import { learningPathSchema, type LearningPath } from '../../src/lib/learning-paths';
import { buildQuiz, showsLevels, type Question } from '../../src/lib/quiz';
import { CONTENT, procedureFiles, readMdx, readYamlList } from './content-files';

export interface ContentProcedure {
  id: string;
  data: ProcedureData;
  quiz: Question[];
}

export function contentProcedures(): ContentProcedure[] {
  const levels = readYamlList('reception-levels.yaml').map((l) => receptionLevelSchema.parse(l));
  return procedureFiles().map((file) => {
    const entry = readMdx(file);
    const data = procedureSchema.parse(entry.frontmatter);
    const id = file.slice(join(CONTENT, 'procedures').length + 1).replace(/\.mdx$/, '');
    return { id, data, quiz: buildQuiz({ procedure: buildProcedure(data), ...(showsLevels(entry.body) ? { levels } : {}) }) };
  });
}

export function contentPaths(): LearningPath[] {
  return readYamlList('learning-paths.yaml').map((p) => learningPathSchema.parse(p));
}
