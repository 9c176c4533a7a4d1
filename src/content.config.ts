import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { z } from 'astro/zod';
import {
  categorySchema,
  glossaryTermSchema,
  receptionLevelSchema,
  roleSchema,
} from './lib/reference-schemas';
import { contentDir } from './lib/content-dir';
import { synonymGroupSchema } from './lib/synonyms';
import { learningPathSchema } from './lib/learning-paths';
import { optionalFile } from './build/optional-file';

const dir = contentDir();

export const collections = {
  // Frontmatter is checked against procedureSchema in src/data/handbook.ts, not here: Astro would
  // stop at the first bad file with an English message naming array indexes (steps.5.title);
  // the handbook reports every file, naming steps by id, in Chinese, with a fix.
  procedures: defineCollection({
    loader: glob({ pattern: '**/*.mdx', base: `${dir}/procedures` }),
    schema: z.record(z.string(), z.unknown()),
  }),
  categories: defineCollection({ loader: file(`${dir}/categories.yaml`), schema: categorySchema }),
  roles: defineCollection({ loader: file(`${dir}/roles.yaml`), schema: roleSchema }),
  glossary: defineCollection({ loader: file(`${dir}/glossary.yaml`), schema: glossaryTermSchema }),
  receptionLevels: defineCollection({
    loader: file(`${dir}/reception-levels.yaml`),
    schema: receptionLevelSchema,
  }),
  synonyms: defineCollection({ loader: file(`${dir}/synonyms.yaml`), schema: synonymGroupSchema }),
  learningPaths: defineCollection({ loader: optionalFile(`${dir}/learning-paths.yaml`), schema: learningPathSchema }),
};
