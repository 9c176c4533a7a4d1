import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readHistories } from './git-history';
import { git, gitFixture } from '../../tests/helpers/git-fixture';

const file = 'content/procedures/hotel/a.mdx';

describe('readHistories', () => {
  const repo = gitFixture([
    { message: 'v1', files: { [file]: 'version one\n', 'content/procedures/hotel/b.mdx': 'b\n' } },
    { message: 'v2', files: { [file]: 'version two\n' } },
  ]);

  it("returns each committed text of a file, newest first, from a fixture repository of two commits", () => {
    const { files, shallow } = readHistories([join(repo, file), join(repo, 'content/procedures/hotel/b.mdx')]);
    expect(shallow).toBe(false);
    expect(files.get(join(repo, file))).toEqual(['version two\n', 'version one\n']);
    expect(files.get(join(repo, 'content/procedures/hotel/b.mdx'))).toEqual(['b\n']);
  });

  it('calls a file never committed untracked', () => {
    mkdirSync(join(repo, 'content/procedures/spa'), { recursive: true });
    writeFileSync(join(repo, 'content/procedures/spa/new.mdx'), 'new\n');
    expect(readHistories([join(repo, 'content/procedures/spa/new.mdx')]).files.get(join(repo, 'content/procedures/spa/new.mdx'))).toBe('untracked');
  });

  it('says so when a shallow clone holds only the last commit', () => {
    const clone = mkdtempSync(join(tmpdir(), 'sop-shallow-'));
    git(clone, 'clone', '-q', '--depth', '1', `file://${repo}`, 'c');
    const { files, shallow } = readHistories([join(clone, 'c', file)]);
    expect(shallow).toBe(true);
    expect(files.get(join(clone, 'c', file))).toEqual(['version two\n']);
  });

  it('reports a folder outside any repository, without throwing', () => {
    const outside = mkdtempSync(join(tmpdir(), 'sop-nogit-'));
    writeFileSync(join(outside, 'x.mdx'), 'x');
    expect(readHistories([join(outside, 'x.mdx')]).files.get(join(outside, 'x.mdx'))).toBe('no-git');
  });
});
