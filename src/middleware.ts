// Runs around every page render (at build time for this static site): the
// <style> elements components registered with trustStyle() get their hashes
// into the page's Content Security Policy, which Astro wrote into <head>
// before the body, where those components render, was produced.
import { defineMiddleware } from 'astro:middleware';
import { addStyleHashes } from './lib/csp';

export const onRequest = defineMiddleware(async (context, next) => {
  const hashes = new Set<string>();
  context.locals.trustedStyleHashes = hashes;
  const response = await next();
  if (hashes.size === 0 || !response.headers.get('content-type')?.startsWith('text/html')) return response;
  const page = await response.text();
  const html = addStyleHashes(page, hashes);
  // The dev server writes no policy; a build always must.
  if (html === undefined && import.meta.env.PROD) {
    throw new Error(`${context.url.pathname}: 页面缺少 Content-Security-Policy <meta>,无法加入内联样式的哈希`);
  }
  return new Response(html ?? page, response);
});
