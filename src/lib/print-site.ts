// The site's public origin for paper copies. No imports: the build's last step
// (src/build/generate-sw.ts) runs this file under plain Node.

/** What the build says when paper copies go out without the site's address. */
export const NO_SITE_NOTICE = '印刷版不含网址:请设置 SOP_SITE';

/** Host names that only ever mean "this machine": never printed, they lead nowhere from paper. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  return (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    host === '::1' ||
    host === '0.0.0.0' ||
    host === '::' ||
    /^127(\.\d{1,3}){3}$/.test(host) ||
    /^::ffff:(127\.|7f[0-9a-f]{2}:)/.test(host)
  );
}

/**
 * The origin printed on paper copies (SOP_SITE), or undefined when it is unset,
 * not an http(s) URL, or a loopback address: then the printout carries no
 * link and no QR code rather than one that leads nowhere.
 */
export function printableSite(raw: string | undefined): string | undefined {
  const text = raw?.trim();
  if (!text) return undefined;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return undefined;
  }
  if (!/^https?:$/.test(url.protocol) || isLoopbackHost(url.hostname)) return undefined;
  return url.origin;
}
