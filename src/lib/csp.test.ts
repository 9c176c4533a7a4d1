import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { allowStylesFromScripts, cspConfig, cspHash, extendStylePolicy, inlineHashes, narrowPolicy, svgStyleTexts, trustStyle } from './csp';

const meta = (policy: string) => `<head><meta http-equiv="content-security-policy" content="${policy}"><title>x</title></head>`;

describe('cspHash', () => {
  it('is the base64 SHA-256 of the UTF-8 text, as browsers compute it', () => {
    const css = '@page{@top-left{content:"前台接待"}}';
    expect(cspHash(css)).toBe(`sha256-${createHash('sha256').update(Buffer.from(css, 'utf8')).digest('base64')}`);
    expect(cspHash('')).toBe('sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=');
  });
});

describe('svgStyleTexts', () => {
  it('returns each <style> text with character references decoded, as the HTML parser does inside <svg>', () => {
    const svg = '<svg><style>#c .a &gt; rect{fill:red}</style><g/><style type="text/css">.b{content:"&#x4E2D;&#20013;&amp;"}</style></svg>';
    expect(svgStyleTexts(svg)).toEqual(['#c .a > rect{fill:red}', '.b{content:"中中&"}']);
  });
  it('finds nothing in a chart without <style>', () => {
    expect(svgStyleTexts('<svg><g style="fill:red"></g></svg>')).toEqual([]);
  });
});

const styles = (hashes: string[], fromScripts = false) => ({ hashes: new Set(hashes), fromScripts });

describe('extendStylePolicy', () => {
  it('adds the hashes to style-src, once each, leaving every other directive as it was', () => {
    const html = meta("default-src 'self'; script-src 'self' 'sha256-s'; style-src 'self' 'sha256-a'; style-src-attr 'unsafe-inline';");
    const out = extendStylePolicy(html, styles(['sha256-b', 'sha256-a']))!;
    expect(out).toBe(
      meta("default-src 'self'; script-src 'self' 'sha256-s'; style-src 'self' 'sha256-a' 'sha256-b'; style-src-attr 'unsafe-inline';"),
    );
  });
  it('uses style-src-elem when the policy has one (it overrides style-src for <style> elements)', () => {
    const out = extendStylePolicy(meta("style-src 'self'; style-src-elem 'self';"), styles(['sha256-b']))!;
    expect(out).toBe(meta("style-src 'self'; style-src-elem 'self' 'sha256-b';"));
  });
  it('adds a style-src when the policy has none', () => {
    expect(extendStylePolicy(meta("default-src 'self';"), styles(['sha256-b']))).toBe(meta("default-src 'self'; style-src 'self' 'sha256-b';"));
  });
  it("for styles written by scripts, puts 'unsafe-inline' in place of the hashes (it is ignored next to one) and leaves scripts alone", () => {
    const html = meta("script-src 'self' 'sha256-s'; style-src 'self' 'sha256-a'; style-src-attr 'unsafe-inline';");
    expect(extendStylePolicy(html, styles(['sha256-b'], true))).toBe(
      meta("script-src 'self' 'sha256-s'; style-src 'self' 'unsafe-inline'; style-src-attr 'unsafe-inline';"),
    );
  });
  it('changes nothing with nothing to add, and says so when the page has no policy', () => {
    const html = meta("style-src 'self';");
    expect(extendStylePolicy(html, styles([]))).toBe(html);
    expect(extendStylePolicy('<head></head>', styles(['sha256-b']))).toBeUndefined();
  });
});

describe('narrowPolicy', () => {
  const a = cspHash('.a{}');
  const run = cspHash('console.log(1)');
  const page = (policy: string, body: string) => `${meta(policy)}<body>${body}</body>`;
  it('keeps the hashes of the inline scripts and styles the page carries, and drops the rest', () => {
    const policy = `default-src 'self'; script-src 'self' '${run}' 'sha256-other='; style-src 'self' '${a}' 'sha256-gone='; style-src-attr 'unsafe-inline';`;
    const body = `<style>.a{}</style><script type="module">console.log(1)</script>`;
    expect(narrowPolicy(page(policy, body))).toBe(
      page(`default-src 'self'; script-src 'self' '${run}'; style-src 'self' '${a}'; style-src-attr 'unsafe-inline';`, body),
    );
  });
  it('keeps what the components registered, although the page text differs (a <style> in <svg> is decoded)', () => {
    const registered = cspHash('#c > g{}');
    const out = narrowPolicy(page(`style-src 'self' '${registered}';`, '<svg><style>#c &gt; g{}</style></svg>'), new Set([registered]))!;
    expect(out).toContain(`'${registered}'`);
  });
  it('counts neither an external script nor a JSON block as inline code', () => {
    const json = '{"a":1}';
    const body = `<script type="module" src="/a.js"></script><script type="application/json">${json}</script>`;
    expect([...inlineHashes(body)]).toEqual([]);
    expect(narrowPolicy(page(`script-src 'self' '${cspHash(json)}';`, body))).toBe(page("script-src 'self';", body));
  });
  it('leaves every other source alone, and says so when the page has no policy', () => {
    const policy = "script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data:;";
    expect(narrowPolicy(page(policy, ''))).toBe(page(policy, ''));
    expect(narrowPolicy('<head></head>')).toBeUndefined();
  });
});

describe('trustStyle and allowStylesFromScripts', () => {
  it('register exactly what they are given, on the page being rendered', () => {
    const locals = { inlineStyles: styles([]) };
    trustStyle(locals, '.a{}');
    expect([...locals.inlineStyles.hashes]).toEqual([cspHash('.a{}')]);
    expect(locals.inlineStyles.fromScripts).toBe(false);
    allowStylesFromScripts(locals);
    expect(locals.inlineStyles.fromScripts).toBe(true);
    // The dev server: no policy, nothing to add.
    expect(() => trustStyle({}, '.a{}')).not.toThrow();
  });
});

describe('cspConfig', () => {
  it("never lets inline scripts run, and allows inline style only as attributes", () => {
    const config = cspConfig();
    const scripts = config.scriptDirective!.resources!;
    for (const loose of ["'unsafe-inline'", "'unsafe-hashes'", "'unsafe-eval'"]) expect(scripts).not.toContainEqual(expect.objectContaining({ resource: loose }));
    for (const loose of ["'unsafe-inline'", "'unsafe-hashes'", "'unsafe-eval'"]) expect(scripts).not.toContain(loose);
    expect(config.styleDirective!.resources!).toEqual([{ resource: "'unsafe-inline'", kind: 'attribute' }]);
    expect(config.directives).toEqual(expect.arrayContaining(["object-src 'none'", "base-uri 'self'", "form-action 'self'"]));
  });
});
