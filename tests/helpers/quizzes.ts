// The quizzes the build should have made, computed from content/ the same way
// src/data/learning.ts does, so site tests can compare pages against them.
import { learningPathSchema, type LearningPath } from '../../src/lib/learning-paths';
import { buildQuiz, type Question } from '../../src/lib/quiz';
import { placedComponents } from '../../src/lib/mdx-components';
import { readYamlList } from './content-files';
import { levels, loadProcedures, type ContentProcedure } from './procedures';

export interface ContentQuiz extends ContentProcedure {
  quiz: Question[];
}

export function contentProcedures(): ContentQuiz[] {
  return loadProcedures().map((p) => ({ ...p, quiz: buildQuiz({ procedure: p.model, ...(placedComponents(p.body).levels ? { levels } : {}) }) }));
}

export function contentPaths(): LearningPath[] {
  return readYamlList('learning-paths.yaml').map((p) => learningPathSchema.parse(p));
}
