import * as http from 'http';
import { AddressInfo } from 'net';

/** A running page server. */
export interface FormServer {
  readonly url: string;
  close(): Promise<void>;
}

/**
 * Serves the page's files on 127.0.0.1 only (`kiban form --serve`, for convenience: the page
 * works as a file too). GET of `/` or a file name; anything else is 404. Nothing is written.
 */
export function serveForm(files: ReadonlyMap<string, string>, port = 0): Promise<FormServer> {
  const server = http.createServer((req, res) => {
    const name = (req.url ?? '/').split('?')[0]!.replace(/^\/+/, '') || 'index.html';
    const body = req.method === 'GET' || req.method === 'HEAD' ? files.get(name) : undefined;
    if (body === undefined) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found\n');
      return;
    }
    res.writeHead(200, {
      'content-type': name.endsWith('.html') ? 'text/html; charset=utf-8' : 'application/octet-stream',
      'cache-control': 'no-store',
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const { port: p } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${p}/`,
        close: () =>
          new Promise((r) => {
            server.close(() => r());
            server.closeAllConnections();
          }),
      });
    });
  });
}
