// Marks the searched words on the page a search result opened
// (?highlight=…&highlight=…). Loaded by SiteSearch only when the address
// carries them, so a page opened any other way loads none of this.
import { findRanges } from '../../lib/search-plan';

/** Words taken from the address: a few, short, so a crafted link cannot make the page crawl. */
export function highlightWords(search: string): string[] {
  const words = new URLSearchParams(search).getAll('highlight').map((w) => w.trim()).filter((w) => w && w.length <= 32);
  return [...new Set(words)].slice(0, 12);
}

const SKIP = 'script, style, svg, noscript, textarea, input, select, mark, [data-pagefind-ignore], .visually-hidden';

export function highlight(root: Element, words: readonly string[]): HTMLElement[] {
  const marks: HTMLElement[] = [];
  if (!words.length) return marks;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) =>
      node.parentElement?.closest(SKIP) || !node.textContent?.trim() ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
  });
  const nodes: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
  for (const node of nodes) {
    const ranges = findRanges(node.data, words);
    // Right to left, so earlier offsets stay valid while the node is split.
    for (const [start, end] of ranges.reverse()) {
      const word = node.splitText(start);
      word.splitText(end - start);
      const mark = document.createElement('mark');
      mark.className = 'search-highlight';
      word.replaceWith(mark);
      mark.append(word);
      marks.unshift(mark);
    }
  }
  return marks;
}

/** Marks `words` in the page's main text, replacing marks of an earlier search. */
export function highlightPage(words: readonly string[]): number {
  const main = document.querySelector('main');
  if (!main) return 0;
  for (const old of main.querySelectorAll('mark.search-highlight')) old.replaceWith(...old.childNodes);
  main.normalize();
  const marks = highlight(main, words);
  main.dataset.highlighted = String(marks.length);
  // Opened at a step, the browser has scrolled there; otherwise show the first word found.
  if (!location.hash && marks[0]) marks[0].scrollIntoView({ block: 'center' });
  return marks.length;
}

const words = highlightWords(location.search);
if (words.length) highlightPage(words);
