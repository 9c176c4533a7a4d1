// Serves a built site from disk on 127.0.0.1, under a base path like the
// real deployment (directory URLs, 404.html for misses).
import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import type { AddressInfo } from 'node:net';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
  '.wasm': 'application/wasm',
};

export interface StaticSite {
  url: string;
  /** Serves another built folder from now on, as a deploy of a new build would. */
  setRoot(dir: string): void;
  /** Path names requested so far, in order (clear it with `requests.length = 0`). */
  requests: string[];
  close(): Promise<void>;
}

/** `headers`: sent with every response, as a host configured for it would. */
export async function serveStatic(root: string, base = '/', headers: Record<string, string> = {}): Promise<StaticSite> {
  const requests: string[] = [];
  const server: Server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    requests.push(pathname);
    const send = (status: number, file: string) => {
      response.writeHead(status, { ...headers, 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      response.end(readFileSync(file));
    };
    if (!pathname.startsWith(base)) return send(404, join(root, '404.html'));
    let file = normalize(join(root, pathname.slice(base.length)));
    if (!file.startsWith(normalize(root))) return send(404, join(root, '404.html'));
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) return send(404, join(root, '404.html'));
    send(200, file);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${base}`,
    setRoot: (dir) => {
      root = dir;
    },
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
