// Reads, from git, every committed text of the procedure files: two git
// processes for the whole handbook (one log, one batch read). Missing git, a
// file outside a repository or a shallow clone is reported, never thrown.
import { spawnSync } from 'node:child_process';
import { dirname, relative, resolve } from 'node:path';
import type { HistoryGap } from '../lib/version-history';

export interface Histories {
  /** Absolute file path → its texts, newest commit first, or why there are none. */
  files: Map<string, string[] | HistoryGap>;
  /** The clone is shallow: older versions may be missing. */
  shallow: boolean;
}

function git(cwd: string, args: string[], input?: string) {
  const result = spawnSync('git', args, { cwd, input, maxBuffer: 1 << 30, env: { ...process.env, GIT_OPTIONAL_LOCKS: '0' } });
  return result.error || result.status !== 0 ? undefined : result.stdout;
}

export function readHistories(paths: readonly string[]): Histories {
  const files = new Map<string, string[] | HistoryGap>();
  const absolute = paths.map((p) => resolve(p));
  if (absolute.length === 0) return { files, shallow: false };
  const everyFile = (gap: HistoryGap) => ({ files: new Map(absolute.map((p) => [p, gap] as const)), shallow: gap === 'shallow' });

  const top = git(dirname(absolute[0]!), ['rev-parse', '--show-toplevel'])?.toString().trim();
  if (!top) return everyFile('no-git');
  const shallow = git(top, ['rev-parse', '--is-shallow-repository'])?.toString().trim() === 'true';
  const wanted = new Map(absolute.map((p) => [relative(top, p), p]));
  // One log over the folders holding the files: each commit hash, then the paths it touched.
  const folders = [...new Set([...wanted.keys()].map((p) => dirname(p)))];
  const log = git(top, ['log', '--format=%x01%H', '--name-only', '--no-renames', '--', ...folders])?.toString();
  if (log === undefined) return everyFile(shallow ? 'shallow' : 'no-git');
  const commits = new Map<string, string[]>();
  for (const block of log.split('\x01').slice(1)) {
    const [hash, ...names] = block.split('\n').filter(Boolean);
    for (const name of names) if (wanted.has(name)) commits.set(name, [...(commits.get(name) ?? []), hash!]);
  }

  const requests: { path: string; rel: string }[] = [];
  for (const [rel, path] of wanted) {
    const hashes = commits.get(rel);
    if (!hashes) files.set(path, 'untracked');
    else {
      files.set(path, []);
      for (const hash of hashes) requests.push({ path, rel: `${hash}:${rel}` });
    }
  }
  if (requests.length === 0) return { files, shallow };
  const out = git(top, ['cat-file', '--batch'], requests.map((r) => r.rel).join('\n') + '\n');
  if (!out) return everyFile(shallow ? 'shallow' : 'no-git');
  // Each answer: "<sha> blob <size>\n<content>\n", or "<name> missing\n" (deleted at that commit).
  let at = 0;
  for (const request of requests) {
    const lineEnd = out.indexOf(0x0a, at);
    const header = out.subarray(at, lineEnd).toString();
    at = lineEnd + 1;
    const size = /^\S+ blob (\d+)$/.exec(header)?.[1];
    if (size === undefined) continue;
    const text = out.subarray(at, at + Number(size)).toString('utf8');
    at += Number(size) + 1;
    (files.get(request.path) as string[]).push(text);
  }
  return { files, shallow };
}
