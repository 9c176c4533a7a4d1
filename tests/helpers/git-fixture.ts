// A throwaway git repository whose history is the given commits, in order:
// each commit writes its files (path → text) and commits them.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export function git(cwd: string, ...args: string[]): string {
  const result = spawnSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'test',
      GIT_AUTHOR_EMAIL: 'test@example.invalid',
      GIT_COMMITTER_NAME: 'test',
      GIT_COMMITTER_EMAIL: 'test@example.invalid',
    },
  });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
  return result.stdout;
}

export function gitFixture(commits: readonly { message: string; files: Record<string, string> }[], dir = mkdtempSync(join(tmpdir(), 'sop-git-'))): string {
  git(dir, 'init', '-q', '-b', 'main');
  commits.forEach(({ message, files }, index) => {
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    git(dir, 'add', '-A');
    // Fixed, increasing dates: the log order never depends on the clock.
    const date = `2026-11-${String(index + 1).padStart(2, '0')}T12:00:00Z`;
    git(dir, '-c', 'commit.gpgsign=false', 'commit', '-q', '-m', message, '--date', date);
  });
  return dir;
}
