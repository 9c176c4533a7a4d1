import { describe, expect, it } from 'vitest';
import { procedureSchema } from './schema';
import { validInput } from '../../../tests/helpers/fixtures';

function messages(input: unknown): string[] {
  const result = procedureSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('procedureSchema', () => {
  it('accepts a valid procedure and fills defaults', () => {
    const data = procedureSchema.parse(validInput());
    expect(data.steps[0]!.say).toEqual([]);
    expect(data.steps[0]!.branches).toEqual([]);
    expect(data.corrections).toEqual([]);
    expect(data.reviewed).toBeInstanceOf(Date);
  });

  it('names a missing field', () => {
    const { title: _dropped, ...input } = validInput();
    expect(messages(input)).toEqual(['title: Invalid input: expected string, received undefined']);
  });

  it('rejects a standing role whose duty an unquoted YAML comma has split into a stray key', () => {
    const split = { role: '接待助理', duty: '制定接待计划', 协助填写客人来访记录: null };
    expect(messages({ ...validInput(), standingRoles: { title: '分工', roles: [split] } })).toEqual([
      'standingRoles.roles.0: Unrecognized key: "协助填写客人来访记录"',
    ]);
    const whole = { role: '接待助理', ref: '1.5.2', duty: '制定接待计划,协助填写客人来访记录' };
    expect(procedureSchema.parse({ ...validInput(), standingRoles: { title: '分工', roles: [whole] } }).standingRoles).toEqual({
      title: '分工',
      roles: [whole],
    });
  });

  it('names a wrongly typed field', () => {
    expect(messages({ ...validInput(), roles: '前台接待员' })).toEqual([
      'roles: Invalid input: expected array, received string',
    ]);
  });

  it('rejects an unknown status with the allowed values', () => {
    expect(messages({ ...validInput(), status: '发布' })).toEqual([
      'status: Invalid option: expected one of "正式"|"草稿"',
    ]);
  });

  it('rejects step ids that cannot be anchors', () => {
    const input = validInput();
    input.steps[0]!.id = 'Greet Guest';
    expect(messages(input)).toEqual([
      'steps.0.id: 步骤 id 只能用小写字母、数字和连字符,并以字母开头(例如 greet-guest)',
    ]);
  });

  it('rejects a malformed code', () => {
    expect(messages({ ...validInput(), code: 'sop-1' })).toEqual([
      'code: 编号格式应为 SOP-大写字母-两位数字,例如 SOP-HOTEL-02',
    ]);
  });

  it('rejects an unknown step kind', () => {
    const input = validInput();
    (input.steps[2] as { kind: string }).kind = 'action';
    expect(messages(input)).toEqual([
      'steps.2.kind: Invalid option: expected one of "start"|"task"|"decision"|"end"',
    ]);
  });
});
