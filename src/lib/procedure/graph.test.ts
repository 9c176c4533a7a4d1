import { describe, expect, it } from 'vitest';
import { reachable, shortestPath, targetsOf, withImplicitNext } from './graph';
import { procedureSchema } from './schema';
import { validateSteps } from './validate';
import { toMermaid } from '../flowchart';
import { validInput } from '../../../tests/helpers/fixtures';

const step = (id: string, kind: string, extra: { next?: string; branches?: { label: string; to: string }[] } = {}) => ({
  id,
  kind,
  branches: [],
  ...extra,
});

describe('withImplicitNext', () => {
  it('points start and task steps without next at the following step', () => {
    const steps = withImplicitNext([step('a', 'start'), step('b', 'task'), step('c', 'end')]);
    expect(steps.map((s) => s.next)).toEqual(['b', 'c', undefined]);
  });

  it('keeps an explicit next, and leaves decisions and ends alone', () => {
    const steps = withImplicitNext([
      step('a', 'start', { next: 'c' }),
      step('b', 'decision', { branches: [{ label: '是', to: 'c' }] }),
      step('c', 'end'),
      step('d', 'end'),
    ]);
    expect(steps.map((s) => s.next)).toEqual(['c', undefined, undefined, undefined]);
  });

  it('gives the last task nothing, so validation still calls it a dead end', () => {
    const steps = withImplicitNext([step('a', 'start'), step('b', 'end'), step('c', 'task')]) as Parameters<typeof validateSteps>[0];
    expect(steps[2]!.next).toBeUndefined();
    const messages = validateSteps(steps).map((i) => `${i.step}: ${i.message}`);
    expect(messages.some((m) => m.startsWith('c: 缺少 next'))).toBe(true);
  });

  it('still finds a loop that never reaches an end', () => {
    const steps = withImplicitNext([
      step('a', 'start'),
      step('b', 'task', { next: 'a' }),
      step('c', 'end'),
    ]) as Parameters<typeof validateSteps>[0];
    const stuck = validateSteps(steps).filter((i) => i.message.includes('永远到不了结束步骤'));
    expect(stuck.map((i) => i.step)).toEqual(['a', 'b']);
  });
});

describe('the procedure model', () => {
  it('makes next explicit, so a procedure without next charts like its explicit twin', () => {
    const explicit = procedureSchema.parse(validInput());
    const implicit = validInput();
    // Every next in the fixture is the following step in the list.
    for (const s of implicit.steps) delete s.next;
    const parsed = procedureSchema.parse(implicit);
    expect(parsed.steps).toEqual(explicit.steps);
    expect(toMermaid(parsed.steps)).toBe(toMermaid(explicit.steps));
  });
});

describe('graph helpers', () => {
  // a → b → c, a → d (dead end), e unreachable
  const edges: Record<string, string[]> = { a: ['b', 'd'], b: ['c'], c: [], d: [], e: ['a'] };
  const out = (id: string) => edges[id] ?? [];

  it('lists a step’s targets, next first', () => {
    expect(targetsOf({ next: 'x', branches: [{ to: 'y' }, { to: 'z' }] })).toEqual(['x', 'y', 'z']);
    expect(targetsOf({ branches: [{ to: 'y' }] })).toEqual(['y']);
  });

  it('finds what can be reached, the start included', () => {
    expect([...reachable(['a'], out)].sort()).toEqual(['a', 'b', 'c', 'd']);
    expect([...reachable(['c'], out)]).toEqual(['c']);
  });

  it('finds the fewest steps between two ids, or none', () => {
    expect(shortestPath('a', 'c', out)).toEqual(['a', 'b', 'c']);
    expect(shortestPath('a', 'a', out)).toEqual(['a']);
    expect(shortestPath('a', 'e', out)).toBeUndefined();
  });
});
