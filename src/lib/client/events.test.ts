import { describe, expect, it } from 'vitest';
import { SITE_EVENTS } from './events';

describe('site events', () => {
  it('are all named sop:<what happened>, each once', () => {
    const names = Object.values(SITE_EVENTS);
    for (const name of names) expect(name).toMatch(/^sop:[a-z]+(?:-[a-z]+)*$/);
    expect(new Set(names).size).toBe(names.length);
  });
});
