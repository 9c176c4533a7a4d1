// A short fingerprint of a procedure's step data: printed on the signed
// 阅读确认签字表 and shown on the page, so an old sheet is seen to be out of date.
import { createHash } from 'node:crypto';
import type { ProcedureData, Step } from './procedure/schema';

/** The fields staff sign for, in a fixed order; absent optional fields are left out. */
function stepRecord(step: Step): unknown[] {
  return [
    step.id,
    step.kind,
    step.title,
    step.role ?? null,
    step.detail ?? null,
    step.say,
    step.cautions,
    step.next ?? null,
    step.branches.map((b) => [b.label, b.to]),
    step.checklist ?? null,
  ];
}

/** "3F2A-91C0": eight hex digits of a SHA-256 over the steps and their variant texts. */
export function stepFingerprint(data: Pick<ProcedureData, 'steps' | 'variants'>): string {
  const record = {
    steps: data.steps.map(stepRecord),
    variants: data.variants.map((v) => [
      v.id,
      v.label,
      v.overrides.map((o) => [o.step, o.title ?? null, o.detail ?? null, o.say ?? null, o.cautions ?? null]),
    ]),
  };
  const hex = createHash('sha256').update(JSON.stringify(record)).digest('hex').slice(0, 8).toUpperCase();
  return `${hex.slice(0, 4)}-${hex.slice(4)}`;
}
