// <handbook-print-all>: see HandbookPrintAll.astro. The volumes' inline
// <style> elements would be blocked here (their hashes are in their own pages'
// policies, not this one's): they never enter this document; their CSS comes
// over as constructed stylesheets, which the Content Security Policy does not
// govern, and the volumes' stylesheet links (same origin) are added when this
// page lacks them.
import { defineElement } from '../../lib/client/define';
import { readJson } from '../../lib/client/json';
import { printPage } from '../../lib/client/print';
import {
  assemble,
  failureText,
  loadingText,
  printingText,
  UNDRAWN_CHARTS_TEXT,
  VOLUME_PARTS,
  type PrintAllPlan,
  type PrintAllVolume,
  type VolumeOutline,
} from '../../lib/handbook-print-all';

// Read by html[data-print-only='handbook-all'] in handbook-print-all.css.
const PRINT_FLAG = 'handbook-all';
/** How long one volume may take to load before the binder is given up. */
const VOLUME_TIMEOUT_S = 60;

/** A failure the reader is told about as it is. */
class PrintAllFailure extends Error {}

interface LoadedVolume {
  volume: PrintAllVolume;
  /** The volume's .handbook-doc, adopted into this document, without its <style> and <script> elements. */
  doc: Element;
  outline: VolumeOutline;
  styles: string[];
  links: string[];
}

class HandbookPrintAll extends HTMLElement {
  private plan: PrintAllPlan = { volumes: [], terms: [] };
  private started = false;
  private busy = false;
  private assembled: HTMLElement | undefined;
  private sheets: CSSStyleSheet[] = [];
  private links: HTMLLinkElement[] = [];

  connectedCallback() {
    if (this.started) return;
    this.started = true;
    this.plan = readJson<PrintAllPlan>(this, '[data-json="print-all"]', { volumes: [], terms: [] });
    // No volumes to load, or no constructed stylesheets to carry their styles: the volume links remain.
    if (this.plan.volumes.length === 0 || !('adoptedStyleSheets' in document) || !('replaceSync' in CSSStyleSheet.prototype)) {
      this.hidden = true;
      return;
    }
    this.button.addEventListener('click', () => void this.printAll());
  }

  private get button() {
    return this.querySelector<HTMLButtonElement>('[data-print-all]')!;
  }

  private say(text: string) {
    this.querySelector('[data-state]')!.textContent = text;
  }

  private async printAll() {
    if (this.busy) return;
    this.busy = true;
    this.button.disabled = true;
    this.cleanUp(); // a binder whose print never ended (no afterprint) is not printed twice
    const { volumes } = this.plan;
    try {
      const loaded: LoadedVolume[] = [];
      for (const volume of volumes) {
        this.say(loadingText(volume.part, volumes.length));
        loaded.push(await this.load(volume));
      }
      const result = assemble(this.plan, loaded.map((l) => l.outline));
      if (!result.ok) throw new PrintAllFailure(result.problem);
      await this.bringStyles(loaded);
      this.put(loaded, result.sections, result.terms);
      this.say(printingText(result.sections.length));
      // Before print(): browsers that block in print() fire afterprint inside it.
      window.addEventListener(
        'afterprint',
        () => {
          this.cleanUp();
          this.say('');
        },
        { once: true },
      );
      printPage(PRINT_FLAG);
    } catch (error) {
      this.cleanUp();
      const why = error instanceof Error ? error.message : String(error);
      this.say(error instanceof PrintAllFailure ? error.message : failureText(undefined, why));
    } finally {
      this.busy = false;
      this.button.disabled = false;
    }
  }

  private async load(volume: PrintAllVolume): Promise<LoadedVolume> {
    let response: Response;
    let html: string;
    try {
      // A stalled volume must not leave the button on 正在载入… for ever; the signal covers the body too.
      response = await fetch(volume.url, { signal: AbortSignal.timeout(VOLUME_TIMEOUT_S * 1000) });
      if (!response.ok) throw new PrintAllFailure(failureText(volume.part, `服务器回答 ${response.status}`));
      html = await response.text();
    } catch (error) {
      if (error instanceof PrintAllFailure) throw error;
      const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
      throw new PrintAllFailure(failureText(volume.part, timedOut ? `${VOLUME_TIMEOUT_S} 秒内没有载入完` : '网络中断'));
    }
    // Parsed into a <template>, whose content is inert: Chromium checks each <style> a DOMParser
    // document parses against this page's policy, and reports every one it would block.
    const parser = document.createElement('template');
    parser.innerHTML = html;
    const page = parser.content;
    const found = page.querySelector(VOLUME_PARTS.doc);
    if (!found) throw new PrintAllFailure(failureText(volume.part, '页面里没有手册内容'));
    if (found.querySelector(VOLUME_PARTS.undrawnChart)) throw new PrintAllFailure(UNDRAWN_CHARTS_TEXT);
    // Head and body: the page's own styles, running headers (PageMargins) and any chart styles.
    const styles = [...page.querySelectorAll('style')].map((s) => s.textContent ?? '');
    const links = [...page.querySelectorAll<HTMLLinkElement>('link[rel~="stylesheet"][href]')].map(
      (l) => new URL(l.getAttribute('href')!, response.url).href,
    );
    for (const element of found.querySelectorAll('style, script')) element.remove();
    // Adopted now, so the rest of the parsed page can go.
    const doc = document.adoptNode(found);
    return {
      volume,
      doc,
      styles,
      links,
      outline: {
        sections: [...doc.querySelectorAll(VOLUME_PARTS.procedures)].map((a) => a.id),
        terms: [...doc.querySelectorAll(VOLUME_PARTS.glossaryEntries)].map((e) => e.id),
      },
    };
  }

  /** The volumes' styles this page lacks: inline ones as constructed sheets, links as links, loaded before printing. */
  private async bringStyles(loaded: LoadedVolume[]) {
    const present = new Set([...document.querySelectorAll('style')].map((s) => s.textContent ?? ''));
    for (const text of new Set(loaded.flatMap((l) => l.styles))) {
      if (present.has(text)) continue;
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(text);
      this.sheets.push(sheet);
    }
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, ...this.sheets];

    const linked = new Set([...document.querySelectorAll<HTMLLinkElement>('link[rel~="stylesheet"]')].map((l) => l.href));
    const waits: Promise<void>[] = [];
    for (const { volume, links } of loaded) {
      for (const href of links) {
        if (linked.has(href)) continue;
        linked.add(href);
        const link = document.createElement('link');
        link.rel = 'stylesheet';
        link.href = href;
        waits.push(
          new Promise((resolve, reject) => {
            link.addEventListener('load', () => resolve(), { once: true });
            link.addEventListener('error', () => reject(new PrintAllFailure(failureText(volume.part, '样式表没能载入'))), { once: true });
          }),
        );
        this.links.push(link);
        document.head.append(link);
      }
    }
    await Promise.all(waits);
  }

  /** One binder: this page's cover for the category, one contents, the procedures in order, one glossary. */
  private put(loaded: LoadedVolume[], sections: string[], terms: string[]) {
    const binder = document.createElement('div');
    binder.className = 'print-all-doc';
    const cover = this.querySelector<HTMLTemplateElement>('template[data-cover]');
    if (cover) binder.append(cover.content.cloneNode(true));

    const contents = loaded[0]!.doc.querySelector(VOLUME_PARTS.contents);
    if (contents) {
      const lists = loaded.flatMap((l) => [...l.doc.querySelectorAll(VOLUME_PARTS.contentsLists)]);
      const glossaryLink = loaded.map((l) => l.doc.querySelector(VOLUME_PARTS.contentsGlossary)).find(Boolean);
      contents.querySelectorAll(`${VOLUME_PARTS.contentsLists}, ${VOLUME_PARTS.contentsGlossary}`).forEach((e) => e.remove());
      contents.append(...lists);
      if (glossaryLink && terms.length > 0) contents.append(glossaryLink);
      binder.append(contents);
    }

    const procedures = new Map(loaded.flatMap((l) => [...l.doc.querySelectorAll(VOLUME_PARTS.procedures)].map((a) => [a.id, a])));
    binder.append(...sections.map((id) => procedures.get(id)!));

    const glossary = loaded.map((l) => l.doc.querySelector(VOLUME_PARTS.glossary)).find(Boolean);
    const list = glossary?.querySelector('dl');
    if (glossary && list && terms.length > 0) {
      const entries = new Map<string, Element>();
      for (const l of loaded) for (const e of l.doc.querySelectorAll(VOLUME_PARTS.glossaryEntries)) if (!entries.has(e.id)) entries.set(e.id, e);
      list.replaceChildren(...terms.map((id) => entries.get(id)!));
      binder.append(glossary);
    }
    this.assembled = binder;
    document.body.append(binder);
  }

  /** The page as it was: no assembled volumes, none of their styles. */
  private cleanUp() {
    this.assembled?.remove();
    this.assembled = undefined;
    const mine = new Set(this.sheets);
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => !mine.has(s));
    for (const link of this.links) link.remove();
    this.sheets = [];
    this.links = [];
  }
}

defineElement('handbook-print-all', HandbookPrintAll);
