/** Serves a built site on 127.0.0.1 for browser tests, on a free port. */
import { createServer, type Server } from 'node:http';
import sirv from 'sirv';
import { dist } from './dist.ts';
import { normaliseBase } from '../../src/lib/urls.ts';

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

/** Serves `siteDir` at `base` ("/" or a sub-path such as "/kb/"), as a host would deploy it. */
export function serve(siteDir = dist, base = '/'): Promise<StaticServer> {
  const files = sirv(siteDir, { dev: true, etag: false });
  const prefix = normaliseBase(base);
  const notFound = (res: import('node:http').ServerResponse) => {
    res.statusCode = 404;
    res.end('Not found');
  };
  const server: Server = createServer((req, res) => {
    if (prefix) {
      if (!req.url?.startsWith(`${prefix}/`)) return notFound(res);
      req.url = req.url.slice(prefix.length);
    }
    files(req, res, () => notFound(res));
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolve({
        url: `http://127.0.0.1:${port}`,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}
