// A small valid procedure to break on purpose in tests.
import { procedureSchema, type ProcedureData, type ProcedureInput } from '../../src/lib/procedure/schema';

export function validInput(): ProcedureInput {
  return {
    code: 'SOP-TEST-01',
    title: '测试流程',
    category: 'corporate',
    department: '测试部',
    roles: ['前台接待员'],
    summary: '用于测试的流程。',
    status: '正式',
    version: '1.0',
    reviewed: '2026-11-27',
    source: '测试',
    steps: [
      { id: 'greet', kind: 'start', title: '客人到达', role: '前台接待员', next: 'ask-booking' },
      {
        id: 'ask-booking',
        kind: 'decision',
        title: '是否有预约?',
        role: '前台接待员',
        branches: [
          { label: '是', to: 'lead-guest' },
          { label: '否', to: 'register' },
        ],
      },
      { id: 'register', kind: 'task', title: '登记来访', role: '前台接待员', next: 'lead-guest' },
      { id: 'lead-guest', kind: 'task', title: '引领客人', role: '前台接待员', next: 'done' },
      { id: 'done', kind: 'end', title: '结束' },
    ],
  };
}

/** A parsed procedure, with the steps replaced when given. */
export function procedure(patch: (input: ProcedureInput) => void = () => {}): ProcedureData {
  const input = validInput();
  patch(input);
  return procedureSchema.parse(input);
}
