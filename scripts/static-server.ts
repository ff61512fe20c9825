import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { headersFor, parseHeaders } from '../src/lib/site/host-headers.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.xml': 'application/xml',
  '.bib': 'text/plain; charset=utf-8',
  '.ris': 'text/plain; charset=utf-8',
};

/**
 * Serves a built site under a base path on 127.0.0.1, as a course site's host would: directory
 * URLs serve index.html (with a redirect to add a missing final slash), anything else gets 404.html,
 * and every response gets the headers that the site's `_headers` gives its path (its policy, the
 * caching of hashed assets), as Netlify or Cloudflare Pages send them; `_headers` itself is not served.
 * @param listenPort a fixed port, or 0 for any free one
 * @returns the server and its URL with the base path
 */
export async function serveStatic(dist: string, base: string, listenPort = 0): Promise<{ server: Server; url: string }> {
  const headersFile = join(dist, '_headers');
  const headerRules = existsSync(headersFile) ? parseHeaders(readFileSync(headersFile, 'utf8')) : [];
  const server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    let file: string | undefined;
    if (pathname.startsWith(base)) {
      const candidate = normalize(join(dist, pathname.slice(base.length)));
      // Hosts keep their own _headers to themselves.
      if (candidate.startsWith(dist) && candidate !== headersFile) {
        if (existsSync(candidate) && statSync(candidate).isFile()) file = candidate;
        else if (existsSync(join(candidate, 'index.html'))) {
          // A directory without its final slash: redirect, as static hosts do.
          if (!pathname.endsWith('/')) {
            response.writeHead(301, { Location: `${pathname}/` }).end();
            return;
          }
          file = join(candidate, 'index.html');
        }
      }
    }
    // Keys and values in one list, as Node takes them when a name may come twice.
    response.writeHead(
      file ? 200 : 404,
      [...headersFor(headerRules, pathname), ['Content-Type', TYPES[extname(file ?? '404.html')] ?? 'application/octet-stream']].flat(),
    );
    createReadStream(file ?? join(dist, '404.html')).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(listenPort, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { server, url: `http://127.0.0.1:${port}${base}` };
}
