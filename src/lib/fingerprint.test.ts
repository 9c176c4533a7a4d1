import { describe, expect, it } from 'vitest';
import { stepFingerprint } from './fingerprint';
import { procedure } from '../../tests/helpers/fixtures';

describe('stepFingerprint', () => {
  it('is short, stable and readable', () => {
    const fp = stepFingerprint(procedure());
    expect(fp).toMatch(/^[0-9A-F]{4}-[0-9A-F]{4}$/);
    // Pinned: signed paper sheets carry this value; a new algorithm would make
    // every signed sheet look out of date.
    expect(fp).toBe('C613-EC57');
  });

  it('changes with a step title, a spoken line, a caution, a branch or the order', () => {
    const base = stepFingerprint(procedure());
    const changed = [
      procedure((p) => void (p.steps[2]!.title = '登记来访信息')),
      procedure((p) => void (p.steps[2]!.say = ['您好'])),
      procedure((p) => void (p.steps[2]!.cautions = ['核对证件'])),
      procedure((p) => void (p.steps[1]!.branches![0]!.label = '有')),
      procedure((p) => void p.steps.splice(2, 2, p.steps[3]!, p.steps[2]!)),
    ].map(stepFingerprint);
    for (const fp of changed) expect(fp).not.toBe(base);
    expect(new Set(changed).size).toBe(changed.length);
  });

  it('ignores what staff do not sign for: the summary, the version, a flag', () => {
    const base = stepFingerprint(procedure());
    expect(
      stepFingerprint(
        procedure((p) => {
          p.summary = '另一段摘要。';
          p.version = '2.0';
          p.flags = [{ kind: '待确认', text: '问题' }];
        }),
      ),
    ).toBe(base);
  });

  it('is the same whether next is written out or implied', () => {
    const implicit = procedure((p) => p.steps.forEach((s) => delete s.next));
    expect(stepFingerprint(implicit)).toBe(stepFingerprint(procedure()));
  });
});
