// Source facts (tests/fidelity-facts.yaml) appear word for word in the built pages.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/content-files';
import { pageText, readPage } from '../helpers/dist';

const facts = yaml.load(readFileSync(join(ROOT, 'tests/fidelity-facts.yaml'), 'utf8')) as Record<string, string[]>;
const squash = (text: string) => text.replace(/\s+/g, '');

describe('source facts survive into the pages', () => {
  it('covers all 16 procedures', () => {
    expect(Object.keys(facts)).toHaveLength(16);
  });

  it.each(Object.entries(facts))('%s', (id, lines) => {
    const text = squash(pageText(readPage(`procedures/${id}/`)));
    const missing = lines.filter((line) => !text.includes(squash(line)));
    expect(missing).toEqual([]);
  });
});
