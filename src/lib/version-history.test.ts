import { describe, expect, it } from 'vitest';
import yaml from 'js-yaml';
import { stepsOfText, versionDiffs } from './version-history';
import { procedure, validInput } from '../../tests/helpers/fixtures';
import type { ProcedureInput } from './procedure/schema';

const mdx = (input: ProcedureInput) => `---\n${yaml.dump(input)}---\n\n正文\n`;
const v1 = validInput();
v1.changelog = [{ version: '1.0', date: '2026-11-01', changes: '首版。' }];
const v2 = validInput();
v2.version = '1.1';
v2.steps[0]!.title = '客人到达前台';
v2.changelog = [...v1.changelog, { version: '1.1', date: '2026-11-20', changes: '改标题。' }];

describe('versionDiffs', () => {
  it('diffs each version against the one before, from the committed texts', () => {
    const diffs = versionDiffs(procedure((p) => Object.assign(p, v2)), [mdx(v2), mdx(v1)]);
    expect(diffs.map((d) => [d.version, d.previous])).toEqual([
      ['1.1', '1.0'],
      ['1.0', undefined],
    ]);
    expect(diffs[0]!.diff!.changed).toEqual([{ id: 'greet', title: '客人到达前台', fields: ['title'], oldTitle: '客人到达' }]);
  });

  it('says why when history is missing, or lacks the previous version', () => {
    const current = procedure((p) => Object.assign(p, v2));
    expect(versionDiffs(current, 'shallow')[0]).toEqual({ version: '1.1', previous: '1.0', gap: 'shallow' });
    expect(versionDiffs(current, [mdx(v2)])[0]).toEqual({ version: '1.1', previous: '1.0', gap: 'missing-version' });
  });

  it('skips a committed text that no longer parses', () => {
    expect(stepsOfText('---\ncode: nope\n---\n')).toBeUndefined();
    expect(stepsOfText('no frontmatter')).toBeUndefined();
    expect(stepsOfText(mdx(v1))?.version).toBe('1.0');
  });
});
