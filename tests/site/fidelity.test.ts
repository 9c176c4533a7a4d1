// Source facts (tests/fidelity-facts.yaml) appear word for word in the built pages.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/content-files';
import { pageText, readPage } from '../helpers/dist';
import { loadProcedures } from '../helpers/procedures';

const facts = yaml.load(readFileSync(join(ROOT, 'tests/fidelity-facts.yaml'), 'utf8')) as Record<string, string[]>;
const squash = (text: string) => text.replace(/\s+/g, '');

describe('source facts survive into the pages', () => {
  // Against the content, not a count: a procedure added without its facts, or
  // renamed away from them, fails here instead of going unchecked.
  it('has facts for every procedure of content/, and for no other page', () => {
    const ids = loadProcedures().map((p) => p.id).sort();
    expect(Object.keys(facts).sort()).toEqual(ids);
    for (const [id, lines] of Object.entries(facts)) expect(lines.length, id).toBeGreaterThan(0);
  });

  it.each(Object.entries(facts))('%s', (id, lines) => {
    const text = squash(pageText(readPage(`procedures/${id}/`)));
    const missing = lines.filter((line) => !text.includes(squash(line)));
    expect(missing).toEqual([]);
  });
});
