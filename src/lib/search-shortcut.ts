// The keys that open search on every page: "/" (when not typing somewhere)
// and Ctrl+K / ⌘K (anywhere, as in most sites and editors).

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
  isComposing?: boolean;
  defaultPrevented?: boolean;
  target: EventTarget | null;
}

interface ElementLike {
  tagName?: string;
  isContentEditable?: boolean;
}

/** Typing "/" into a field, a select or editable text must not open search. */
export function isTyping(target: EventTarget | null): boolean {
  const el = target as ElementLike | null;
  return !!el && (/^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName ?? '') || el.isContentEditable === true);
}

export function isSearchShortcut(event: KeyLike): boolean {
  if (event.isComposing || event.defaultPrevented) return false;
  if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'k') return true;
  return event.key === '/' && !event.ctrlKey && !event.metaKey && !event.altKey && !isTyping(event.target);
}
