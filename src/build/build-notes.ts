// What a build must tell its reader goes last in its output, after Astro's,
// Pagefind's and the service worker's lines: integrations and build steps
// leave notes here and the build's final step (print-build-notes.ts) prints
// them, the chart summary or fallback notice (`last`) after every other note.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export interface BuildNote {
  level: 'info' | 'warn';
  text: string;
  /** Printed after the other notes: the chart summary or the fallback notice with its fix. */
  last?: boolean;
}

/** One file per output folder, so builds of several corpora never mix notes. */
export function notesFile(outDir: string, cwd = process.cwd()): string {
  const key = createHash('sha1').update(resolve(outDir)).digest('hex').slice(0, 12);
  return join(cwd, 'node_modules', '.cache', 'sop-build-notes', `${key}.json`);
}

function read(file: string): BuildNote[] {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as BuildNote[];
  } catch {
    return [];
  }
}

/** Starts a build's notes afresh (a note of the previous build must not linger). */
export function clearBuildNotes(outDir: string): void {
  rmSync(notesFile(outDir), { force: true });
}

export function addBuildNote(outDir: string, note: BuildNote): void {
  const file = notesFile(outDir);
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, JSON.stringify([...read(file), note]));
}

/** The notes, once: reading removes them. */
export function takeBuildNotes(outDir: string): BuildNote[] {
  const file = notesFile(outDir);
  if (!existsSync(file)) return [];
  const notes = read(file);
  rmSync(file, { force: true });
  return notes;
}

export function formatBuildNotes(notes: readonly BuildNote[]): string {
  const ordered = [...notes.filter((note) => !note.last), ...notes.filter((note) => note.last)];
  return ordered.map((note) => (note.level === 'warn' ? `⚠ ${note.text}` : note.text)).join('\n');
}
