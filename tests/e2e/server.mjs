// The test server: serves the test pages, the demo and corpus pages on
// 127.0.0.1, and doubles as the browsers' HTTP proxy so that it sees *every*
// request the browser makes (page, extension, service worker): the browsers are
// started with this server as their proxy, loopback included. Requests for any
// other host are logged and refused (502); nothing leaves the machine.
//
// Routes:
//   /pages/<file>            tests/e2e/pages/<file>
//   /csp/<any route>         the same, with `Content-Security-Policy: script-src 'self'`
//   /img/<name>.png?w=&h=    a generated PNG (a gradient; its name picks the hue)
//   /gen/many.html?n=N       an article followed by N empty elements in a hidden
//                            block: over the core's element limit, cheap to capture
//   /www/<path>              the demo (www/, after ./build.sh)
//   /corpus/<path>           files under the shared corpus (bench only)
//   /dyn/<name>              a body a test stored with put(name, body[, type])
//   /trap/<any>              a canary: answers 204; tests look for it in the log
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const REPO = path.resolve(HERE, '../..');
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
};

export function sharedDir() {
  const beside = path.resolve(REPO, '../shared');
  if (fs.existsSync(path.join(beside, 'corpus'))) return beside;
  const env = process.env.UNMIRROR_SHARED ?? '/work/shared';
  return fs.existsSync(path.join(env, 'corpus')) ? env : null;
}

// ---- PNG generation (no image files in the repository) ----------------------

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
export function gradientPng(w, h, seed) {
  const hue = [...seed].reduce((a, c) => a + c.charCodeAt(0), 0) % 3;
  const raw = Buffer.alloc((w * 3 + 1) * h);
  for (let y = 0; y < h; y++) {
    raw[y * (w * 3 + 1)] = 0;
    for (let x = 0; x < w; x++) {
      const o = y * (w * 3 + 1) + 1 + x * 3;
      const a = Math.round((255 * x) / w);
      const b = Math.round((255 * y) / h);
      const rgb = [[40 + a / 2, 90 + b / 3, 160], [160, 110 + a / 3, 60 + b / 2], [60 + b / 3, 140, 90 + a / 2]][hue];
      raw[o] = rgb[0];
      raw[o + 1] = rgb[1];
      raw[o + 2] = rgb[2];
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// ---- the server ------------------------------------------------------------

function sendFile(res, file, headers = {}) {
  fs.readFile(file, (err, body) => {
    if (err) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, {
      'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
      ...headers,
    });
    res.end(body);
  });
}

function inside(root, rel) {
  const file = path.join(root, rel);
  return file.startsWith(root + path.sep) ? file : null;
}

/**
 * Start the server. Returns { port, origin, log, mark(), since(mark), close() };
 * `log` holds every request: { t, method, url, host, proxied }.
 */
export async function startServer({ hosts = [] } = {}) {
  const log = [];
  // `hosts`: site names (with every subdomain, port 80) the proxy serves as if they
  // were this server: listed mirror hosts for the auto-clean tests. Their requests
  // are the tests' own, not foreign.
  const served = (u) => u.port === '' && hosts.some((d) => u.hostname === d || u.hostname.endsWith(`.${d}`));
  const isServed = (host) => {
    try {
      return served(new URL(`http://${host}/`));
    } catch {
      return false;
    }
  };
  const shared = sharedDir();
  let origin = '';
  const dyn = new Map();

  const server = http.createServer((req, res) => {
    const proxied = /^https?:\/\//i.test(req.url);
    const url = new URL(req.url, origin);
    log.push({ t: Date.now(), method: req.method, url: url.href, host: url.host, proxied });
    if (url.origin !== origin && !served(url)) {
      // A request for elsewhere, through the proxy: refused, and the tests fail on it.
      res.writeHead(502, { 'content-type': 'text/plain' }).end('blocked by the test proxy');
      return;
    }
    let p = decodeURIComponent(url.pathname);
    const csp = p.startsWith('/csp/');
    if (csp) p = p.slice(4);
    const headers = csp ? { 'content-security-policy': "script-src 'self'" } : {};
    let m;
    if ((m = /^\/pages\/(.+)$/.exec(p))) {
      const file = inside(path.join(HERE, 'pages'), m[1]);
      return file ? sendFile(res, file, headers) : res.writeHead(403).end();
    }
    if ((m = /^\/img\/([\w-]+)\.png$/.exec(p))) {
      const w = Math.min(2000, Number(url.searchParams.get('w')) || 64);
      const h = Math.min(2000, Number(url.searchParams.get('h')) || 64);
      res.writeHead(200, { 'content-type': 'image/png', 'cache-control': 'no-store' });
      return res.end(gradientPng(w, h, m[1]));
    }
    if (p === '/gen/many.html') {
      const n = Math.min(2_000_000, Number(url.searchParams.get('n')) || 1000);
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', ...headers });
      res.write('<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>A very large page</title>');
      res.write('<link rel="stylesheet" href="/pages/site.css"></head><body><article><h1>A very large page</h1>');
      res.write(`<p>${'This page has more elements than the reader core accepts. '.repeat(10)}</p></article>`);
      res.write('<div class="promo">');
      const chunk = '<i></i>'.repeat(10_000);
      for (let i = 0; i < n; i += 10_000) res.write(i + 10_000 <= n ? chunk : '<i></i>'.repeat(n - i));
      return res.end('</div></body></html>');
    }
    if ((m = /^\/www\/(.*)$/.exec(p))) {
      const file = inside(path.join(REPO, 'www'), m[1] || 'index.html');
      return file ? sendFile(res, file) : res.writeHead(403).end();
    }
    if ((m = /^\/corpus\/(.+)$/.exec(p)) && shared) {
      const file = inside(path.join(shared, 'corpus'), m[1]);
      return file ? sendFile(res, file, headers) : res.writeHead(403).end();
    }
    if ((m = /^\/dyn\/(.+)$/.exec(p)) && dyn.has(m[1])) {
      const { body, type } = dyn.get(m[1]);
      res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store', ...headers });
      return res.end(body);
    }
    if (p.startsWith('/trap/')) return res.writeHead(204, { 'cache-control': 'no-store' }).end();
    if (p === '/favicon.ico') return res.writeHead(204).end();
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  });
  // HTTPS through the proxy (CONNECT host:443): logged and refused.
  server.on('connect', (req, socket) => {
    log.push({ t: Date.now(), method: 'CONNECT', url: `https://${req.url}/`, host: req.url, proxied: true });
    socket.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
  });

  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  origin = `http://127.0.0.1:${port}`;
  return {
    port,
    origin,
    log,
    mark: () => log.length,
    since: (mark) => log.slice(mark),
    foreign: (mark = 0) => log.slice(mark).filter((r) => r.host !== `127.0.0.1:${port}` && !isServed(r.host)),
    put: (name, body, type = 'text/html; charset=utf-8') => dyn.set(name, { body, type }),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(resolve);
      }),
  };
}
