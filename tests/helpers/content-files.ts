// Reads content/ the way the Astro loaders do (YAML frontmatter, YAML lists) so
// content can be checked in milliseconds, without a build.
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import yaml from 'js-yaml';

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

export function readMdx(file: string): RawEntry {
  const text = readFileSync(file, 'utf8');
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text);
  if (!match) throw new Error(`${file}: no frontmatter`);
  return { file: relative(ROOT, file), frontmatter: yaml.load(match[1]!), body: match[2]! };
}

export function readYamlList(name: string): unknown[] {
  const data = yaml.load(readFileSync(join(CONTENT, name), 'utf8'));
  if (!Array.isArray(data)) throw new Error(`${name}: expected a YAML list`);
  return data;
}

export function procedureFiles(): string[] {
  return listFiles(join(CONTENT, 'procedures'), '.mdx');
}
