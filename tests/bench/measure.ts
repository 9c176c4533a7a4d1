// Runs a command and measures it: wall and CPU seconds (whole process tree,
// via /usr/bin/time when there is one), and memory, sampled from /proc every
// 200 ms: the peak of the whole tree (Node + Chromium) and of its largest process.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Measured {
  status: number | null;
  output: string;
  wallSeconds: number;
  /**
   * user + sys seconds of the whole tree: the larger of what the kernel counts
   * for reaped children (/usr/bin/time) and the sum sampled from /proc, which
   * also sees Chromium's renderers (never reaped into their parent's count).
   */
  cpuSeconds: number | undefined;
  /** Peak of the summed resident memory of the whole process tree, in bytes. */
  peakTreeBytes: number;
  /** Largest resident set of any one process in the tree, in bytes. */
  peakProcessBytes: number;
}

const PAGE = 4096;
const TICKS = 100;
const TIME = '/usr/bin/time';

function processTree(root: number): number[] {
  const parents = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const list = parents.get(ppid) ?? [];
      list.push(Number(name));
      parents.set(ppid, list);
    } catch {
      // The process ended while we looked.
    }
  }
  const tree = [root];
  for (let i = 0; i < tree.length; i++) tree.push(...(parents.get(tree[i]!) ?? []));
  return tree;
}

function cpuTicks(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return 0;
  }
}

function residentBytes(pid: number): number {
  try {
    return Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]) * PAGE;
  } catch {
    return 0;
  }
}

export function measure(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }): Promise<Measured> {
  const timeFile = join(tmpdir(), `sop-bench-time-${process.pid}-${Date.now()}`);
  const timed = existsSync(TIME);
  const [cmd, ...rest] = timed ? [TIME, '-f', '%U %S', '-o', timeFile, command, ...args] : [command, ...args];
  const started = performance.now();
  const child = spawn(cmd!, rest, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  let peakTreeBytes = 0;
  let peakProcessBytes = 0;
  const ticks = new Map<number, number>();
  const sample = () => {
    if (child.pid === undefined) return;
    const tree = processTree(child.pid);
    for (const pid of tree) ticks.set(pid, Math.max(ticks.get(pid) ?? 0, cpuTicks(pid)));
    const sizes = tree.map(residentBytes);
    peakTreeBytes = Math.max(peakTreeBytes, sizes.reduce((a, b) => a + b, 0));
    peakProcessBytes = Math.max(peakProcessBytes, ...sizes);
  };
  const timer = setInterval(sample, 200);
  return new Promise((resolve) => {
    child.on('close', (status) => {
      clearInterval(timer);
      const wallSeconds = (performance.now() - started) / 1000;
      let cpuSeconds = [...ticks.values()].reduce((a, b) => a + b, 0) / TICKS;
      if (timed && existsSync(timeFile)) {
        const [user, sys] = readFileSync(timeFile, 'utf8').trim().split('\n').pop()!.split(' ').map(Number);
        cpuSeconds = Math.max(cpuSeconds, user! + sys!);
        rmSync(timeFile, { force: true });
      }
      resolve({ status, output, wallSeconds, cpuSeconds, peakTreeBytes, peakProcessBytes });
    });
  });
}

/** Bytes of every file under a folder. */
export function folderBytes(dir: string): number {
  if (!existsSync(dir)) return 0;
  let total = 0;
  for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const stat = statSync(join(dir, name), { throwIfNoEntry: false });
    if (stat?.isFile()) total += stat.size;
  }
  return total;
}
