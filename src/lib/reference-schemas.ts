// Schemas of the small data collections that procedures point into.
import { z } from 'astro/zod';
import { nonEmpty, resolutionSchema } from './procedure/schema';

const slug = z.string().regex(/^[a-z][a-z0-9-]*$/, '只能用小写字母、数字和连字符');

export const categorySchema = z.object({
  id: slug,
  name: nonEmpty,
  description: nonEmpty,
  order: z.number().int(),
});

/** One role, spelled one way; aliases are the other spellings the source uses. */
export const roleSchema = z.object({
  id: slug,
  name: nonEmpty,
  aliases: z.array(nonEmpty).default([]),
  description: nonEmpty,
});

export const glossaryTermSchema = z.object({
  id: slug,
  term: nonEmpty,
  /** Other written forms that should link to the same entry (e.g. 一更 for 一更/二更). */
  aliases: z.array(nonEmpty).default([]),
  definition: nonEmpty,
});

const sourceItem = z.object({
  /** The item letter as the source writes it (A, B, … — 特级 skips E). */
  letter: z.string().regex(/^[A-Z]$/),
  text: nonEmpty,
});

export const receptionLevelSchema = z.object({
  id: slug,
  /** 普通 / 高级 / 特级 */
  name: nonEmpty,
  fullName: nonEmpty,
  order: z.number().int(),
  qualifies: z.array(nonEmpty).min(1),
  lodging: z.object({ text: nonEmpty, companyPays: z.boolean() }),
  meals: z.object({
    lunchCap: z.number().int().positive(),
    dinnerCap: z.number().int().positive(),
    /** The caps are set for this many guests. */
    baseGuests: z.number().int().positive(),
    /** Added per guest above baseGuests, per meal. */
    surchargePerGuest: z.number().int().nonnegative(),
    surchargeText: nonEmpty,
  }),
  companions: z.array(nonEmpty).min(1),
  vehicles: z.array(nonEmpty).min(1),
  extras: z.array(nonEmpty).default([]),
  /** The level's items as the source writes them, letter by letter. */
  sourceItems: z.array(sourceItem).min(1),
  flags: z.array(z.object({ kind: nonEmpty, text: nonEmpty, resolved: resolutionSchema.optional() })).default([]),
});

export type Category = z.infer<typeof categorySchema>;
export type Role = z.infer<typeof roleSchema>;
export type GlossaryTerm = z.infer<typeof glossaryTermSchema>;
export type ReceptionLevel = z.infer<typeof receptionLevelSchema>;
