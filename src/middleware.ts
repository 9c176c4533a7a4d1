// Runs around every page render (at build time for this static site): the
// <style> elements the page's components registered (trustStyle in
// src/lib/csp.ts) get their hashes into the page's Content Security Policy,
// which Astro wrote into <head> before those components ran; and the policy
// keeps only the hashes of what this page carries.
import { defineMiddleware } from 'astro:middleware';
import { extendStylePolicy, narrowPolicy, type InlineStyles } from './lib/csp';

export const onRequest = defineMiddleware(async (context, next) => {
  const styles: InlineStyles = { hashes: new Set(), fromScripts: false };
  context.locals.inlineStyles = styles;
  const response = await next();
  if (!response.headers.get('content-type')?.startsWith('text/html')) return response;
  const page = await response.text();
  const extended = extendStylePolicy(page, styles);
  const html = extended === undefined ? undefined : narrowPolicy(extended, styles.hashes);
  // The dev server writes no policy; a build always must.
  if (html === undefined && import.meta.env.PROD) {
    throw new Error(`${context.url.pathname}: 页面缺少 Content-Security-Policy <meta>,无法加入内联样式的哈希`);
  }
  return new Response(html ?? page, response);
});
