// The procedure model: one zod schema that content.config.ts uses for the
// collection and that src/lib code and tests use for types.
import { z } from 'astro/zod';
import { withImplicitNext } from './graph';

/** Step ids become anchors (#step-id) and Mermaid node ids, so keep them plain. */
export const STEP_ID_PATTERN = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

export const STEP_KINDS = ['start', 'task', 'decision', 'end'] as const;
export const PROCEDURE_STATUSES = ['正式', '草稿'] as const;

export const nonEmpty = z.string().trim().min(1, '不能为空');

/**
 * Limits that keep a procedure readable and its chart drawable: a 2,000-character
 * title would make a chart node thousands of pixels tall. The content check
 * reports a breach with the file, the step and the fix (schema-issues.ts).
 */
export const LIMITS = {
  procedureTitle: 40,
  stepTitle: 60,
  branchLabel: 12,
  summary: 300,
  steps: 80,
  branches: 8,
} as const;

const stepId = z
  .string()
  .regex(STEP_ID_PATTERN, '步骤 id 只能用小写字母、数字和连字符,并以字母开头(例如 greet-guest)');

export const branchSchema = z.object({
  /** What the person at the decision sees: 是 / 否 / 已结账 … */
  label: z.string().max(LIMITS.branchLabel),
  to: z.string(),
});

export const stepSchema = z.object({
  id: stepId,
  kind: z.enum(STEP_KINDS),
  title: nonEmpty.max(LIMITS.stepTitle),
  /** Canonical role name from content/roles.yaml. */
  role: z.string().optional(),
  detail: z.string().optional(),
  /** 话术: lines staff say, word for word. */
  say: z.array(nonEmpty).default([]),
  cautions: z.array(nonEmpty).default([]),
  next: z.string().optional(),
  branches: z.array(branchSchema).max(LIMITS.branches).default([]),
  /** Glossary-style pointer to a checklist of this procedure done at this step. */
  checklist: z.string().optional(),
  /** A draft's placeholder step, not from the source: badged, never quizzed. Absent = false
   *  (optional rather than defaulted, so Step literals elsewhere stay valid). */
  template: z.boolean().optional(),
});

export const correctionSchema = z.object({
  from: nonEmpty,
  to: nonEmpty,
  note: z.string().optional(),
});

export const FLAG_KINDS = ['待确认', '原文缺失', '原文矛盾'] as const;

/** The business's answer to an open note: it leaves the page for the desk's 已确认 list. */
export const resolutionSchema = z.object({
  date: z.coerce.date(),
  by: nonEmpty,
  decision: nonEmpty,
});

export const flagSchema = z.object({
  kind: z.enum(FLAG_KINDS).default('待确认'),
  text: nonEmpty,
  /** Optional step the flag belongs to; shown beside that step too. */
  step: z.string().optional(),
  resolved: resolutionSchema.optional(),
});

export const checklistItemSchema = z.object({
  id: stepId,
  text: nonEmpty,
  /** Item shown only when the item with this id is ticked. */
  when: z.string().optional(),
});

export const checklistSchema = z.object({
  id: stepId,
  title: nonEmpty,
  items: z.array(checklistItemSchema).min(1, '检查表至少要有一项'),
});

/** A variant changes only the fields of the steps where the source differs. */
export const stepOverrideSchema = z.object({
  step: z.string(),
  title: z.string().optional(),
  detail: z.string().optional(),
  say: z.array(nonEmpty).optional(),
  cautions: z.array(nonEmpty).optional(),
});

export const variantSchema = z.object({
  id: stepId,
  label: nonEmpty,
  overrides: z.array(stepOverrideSchema).default([]),
});

/** A role's standing duty: it holds across the whole flow, so it is not one step of it. */
export const standingRoleSchema = z.object({
  /** Canonical role name from content/roles.yaml. */
  role: nonEmpty,
  /** The source's clause number (e.g. 1.5.1), shown as a label. */
  ref: z.string().optional(),
  duty: nonEmpty,
})
  // Strict: in a YAML {…} line an unquoted comma splits the duty into a stray key; fail, don't cut it.
  .strict();

export const standingRolesSchema = z.object({
  title: nonEmpty,
  roles: z.array(standingRoleSchema).min(1, '至少要有一个角色'),
});

export const changeSchema = z.object({
  version: nonEmpty,
  date: z.coerce.date(),
  changes: nonEmpty,
});

const procedureObject = z.object({
  code: z.string().regex(/^SOP-[A-Z]+-\d{2}$/, '编号格式应为 SOP-大写字母-两位数字,例如 SOP-HOTEL-02'),
  title: nonEmpty.max(LIMITS.procedureTitle),
  /** Slug of an entry in content/categories.yaml. */
  category: nonEmpty,
  order: z.number().int().default(0),
  department: nonEmpty,
  roles: z.array(nonEmpty).min(1, '至少列出一个角色'),
  summary: nonEmpty.max(LIMITS.summary),
  status: z.enum(PROCEDURE_STATUSES),
  version: nonEmpty,
  reviewed: z.coerce.date(),
  /** Who keeps this procedure true; named on the owner's desk. */
  owner: nonEmpty.optional(),
  /** Review cycle: months after `reviewed`, or a fixed `nextReview` date (not both). */
  reviewEveryMonths: z.number().int().positive().optional(),
  nextReview: z.coerce.date().optional(),
  source: nonEmpty,
  /** For drafts: what comes from the source and what is a template to be confirmed. */
  draftNote: z.string().optional(),
  corrections: z.array(correctionSchema).default([]),
  flags: z.array(flagSchema).default([]),
  steps: z.array(stepSchema).min(2, '至少要有开始和结束两个步骤').max(LIMITS.steps),
  checklists: z.array(checklistSchema).default([]),
  variants: z.array(variantSchema).default([]),
  /** Roles whose duties span the flow (a team's standing roles): shown beside the chart, never
   *  chained as steps. Optional rather than defaulted, so ProcedureData literals stay valid. */
  standingRoles: standingRolesSchema.optional(),
  changelog: z.array(changeSchema).default([]),
});

/**
 * A step may leave out `next` when it goes on to the following step; the
 * model makes it explicit, so chart, walkthrough, quiz and validation all see
 * one graph.
 */
export const procedureSchema = procedureObject.transform((data) => ({ ...data, steps: withImplicitNext(data.steps) }));

export type Branch = z.infer<typeof branchSchema>;
export type Step = z.infer<typeof stepSchema>;
export type StepKind = Step['kind'];
export type Correction = z.infer<typeof correctionSchema>;
export type Flag = z.infer<typeof flagSchema>;
export type Resolution = z.infer<typeof resolutionSchema>;
export type Checklist = z.infer<typeof checklistSchema>;
export type ChecklistItem = z.infer<typeof checklistItemSchema>;
export type StepOverride = z.infer<typeof stepOverrideSchema>;
export type Variant = z.infer<typeof variantSchema>;
export type StandingRole = z.infer<typeof standingRoleSchema>;
export type ProcedureData = z.infer<typeof procedureSchema>;
/** What the frontmatter may omit (defaults filled in by the schema). */
export type ProcedureInput = z.input<typeof procedureSchema>;
