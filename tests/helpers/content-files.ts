// Reads content/ the way the Astro loaders do (YAML frontmatter, YAML lists) so
// content can be checked in milliseconds, without a build.
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import yaml from 'js-yaml';
import { readSource, type SourceResult } from '../../src/lib/procedure/source';

export const ROOT = new URL('../..', import.meta.url).pathname.replace(/\/$/, '');
export const CONTENT = join(ROOT, 'content');

export function listFiles(dir: string, extension: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith(extension))
    .map((name) => join(dir, name))
    .sort();
}

export interface RawEntry {
  file: string;
  frontmatter: unknown;
  body: string;
}

/** A procedure file, or the one message saying why it cannot be read (encoding, empty, YAML). */
export function readProcedure(file: string): { file: string; source: SourceResult } {
  return { file: relative(ROOT, file), source: readSource(readFileSync(file)) };
}

export function readMdx(file: string): RawEntry {
  const { file: name, source } = readProcedure(file);
  if (!source.ok) throw new Error(`${name}: ${source.message}`);
  return { file: name, frontmatter: source.frontmatter, body: source.body };
}

export function readYamlList(name: string): unknown[] {
  const data = yaml.load(readFileSync(join(CONTENT, name), 'utf8'));
  if (!Array.isArray(data)) throw new Error(`${name}: expected a YAML list`);
  return data;
}

export function procedureFiles(): string[] {
  return listFiles(join(CONTENT, 'procedures'), '.mdx');
}
