/**
 * A tiny static file server for the specs: serves one folder on 127.0.0.1 (a port of its own, so another
 * origin than the preview server), with optional extra headers and a text transform for HTML and JS.
 */
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.map': 'application/json',
  '.png': 'image/png',
};

export interface StaticServer {
  origin: string;
  close(): Promise<void>;
}

export interface StaticOptions {
  root: string;
  headers?: Record<string, string>;
  /** Rewrites the text of .html and .js files (placeholders). */
  transform?: (text: string) => string;
}

export async function startStaticServer({ root, headers = {}, transform }: StaticOptions): Promise<StaticServer> {
  const server: Server = createServer((req, res) => {
    void (async () => {
      let path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      if (path.endsWith('/')) path += 'index.html';
      if (path === '/favicon.ico') {
        res.writeHead(204, headers).end();
        return;
      }
      const file = normalize(join(root, path));
      if (!file.startsWith(normalize(root))) {
        res.writeHead(403).end();
        return;
      }
      try {
        const ext = extname(file);
        let body: Buffer | string = await readFile(file);
        if (transform && (ext === '.html' || ext === '.js')) body = transform(body.toString('utf8'));
        res.writeHead(200, { 'content-type': TYPES[ext] ?? 'application/octet-stream', ...headers });
        res.end(body);
      } catch {
        res.writeHead(404, { 'content-type': 'text/plain', ...headers }).end('not found');
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
