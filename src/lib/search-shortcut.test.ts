import { describe, expect, it } from 'vitest';
import { isSearchShortcut, type KeyLike } from './search-shortcut';

const key = (patch: Partial<KeyLike>): KeyLike => ({
  key: '',
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  target: { tagName: 'BODY' } as unknown as EventTarget,
  ...patch,
});
const field = (tagName: string) => ({ tagName }) as unknown as EventTarget;

describe('isSearchShortcut', () => {
  it('opens on "/" outside fields, Ctrl+K and ⌘K anywhere', () => {
    expect(isSearchShortcut(key({ key: '/' }))).toBe(true);
    expect(isSearchShortcut(key({ key: 'k', ctrlKey: true }))).toBe(true);
    expect(isSearchShortcut(key({ key: 'K', metaKey: true, shiftKey: true }))).toBe(true);
    expect(isSearchShortcut(key({ key: 'k', ctrlKey: true, target: field('INPUT') }))).toBe(true);
  });

  it('leaves "/" alone while typing in a field or editable text', () => {
    for (const tag of ['INPUT', 'TEXTAREA', 'SELECT']) {
      expect(isSearchShortcut(key({ key: '/', target: field(tag) })), tag).toBe(false);
    }
    const editable = { tagName: 'DIV', isContentEditable: true } as unknown as EventTarget;
    expect(isSearchShortcut(key({ key: '/', target: editable }))).toBe(false);
  });

  it('ignores other keys, Alt combinations, IME composition and handled events', () => {
    expect(isSearchShortcut(key({ key: 'k' }))).toBe(false);
    expect(isSearchShortcut(key({ key: '/', ctrlKey: true }))).toBe(false);
    expect(isSearchShortcut(key({ key: 'k', ctrlKey: true, altKey: true }))).toBe(false);
    expect(isSearchShortcut(key({ key: '/', isComposing: true }))).toBe(false);
    expect(isSearchShortcut(key({ key: '/', defaultPrevented: true }))).toBe(false);
  });
});
