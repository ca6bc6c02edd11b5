// Hostile pages in real Chromium (issue #10): every vector of tests/xss/vectors.txt,
// placed in article bodies, titles, bylines, captions and attributes of pages the
// test server generates, rendered by the real extension (dist/chrome-test) in its
// overlay, and every export format of the same articles loaded as pages. Canaries:
//   - `alert`/`confirm`/`prompt`/`print` and a `window.__pwned` setter, hooked in
//     the page's main world before any page script runs, and in the extension's
//     isolated world once the content script exists;
//   - requests to /trap/{js,css,frame,form}/… on the test server (payloads name
//     them; the server, which is also the browser's proxy, logs every request),
//     and any request leaving for another host.
// A vector page is hostile: its own copy of each payload runs in the page before the
// reader opens. That is the page's business, not ours, so the canaries are armed
// only after the page settled, and a hook firing afterwards is charged to the page
// only when `window.event` shows an event whose path stays outside the reader's
// shadow root (inline handlers in a shadow tree see `window.event === undefined`,
// so anything firing from the overlay, or from no event at all, fails the test).
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startServer, REPO } from './server.mjs';
import { launchChromium, toggle, inContentWorld, foreignRequests } from './chromium-lib.mjs';


/** Parse tests/xss/vectors.txt exactly as tests/xss.rs does. */
export function loadVectors() {
  const raw = fs.readFileSync(path.join(REPO, 'tests/xss/vectors.txt'), 'utf8');
  const out = [];
  for (const line of raw.split('\n')) {
    if (line.startsWith('=== ')) out.push({ name: line.slice(4).trim(), lines: [] });
    else if (out.length) out[out.length - 1].lines.push(line);
  }
  return out.map(({ name, lines }) => {
    while (lines.length && lines[lines.length - 1] === '') lines.pop();
    const text = lines.join('\n').replace(/\{U\+([0-9A-Fa-f]+)\}/g, (_, h) => String.fromCodePoint(parseInt(h, 16)));
    return { name, text };
  });
}

const FILLER =
  'The city council met on Tuesday evening to discuss the new budget, which includes funding for road ' +
  'repairs, two new libraries and an expanded bus service. Residents who spoke at the meeting were broadly ' +
  'supportive, though several asked how the plan would be paid for over the next decade.';

// Vectors that swallow the rest of a document (or navigate it) go last in a batch.
const greedy = (v) => /<plaintext|<xmp|<noembed|<noframes|<textarea|<title|<iframe|<script|<style|<!--|<!\[|refresh/i.test(v.text);

/** One page holding many vectors, each in a paragraph, its own block, a caption,
 * an image alt, a link (href and text) and an image src. */
function bodyPage(title, batch) {
  const blocks = batch.map(
    ({ v, i }) => `
<p>VEC${i}START ${FILLER} ${v.text} ${FILLER}</p>
${v.text}
<figure><img src="/img/ok.png?w=40&h=20" alt="${v.text}"><figcaption>Caption ${i}: ${v.text}</figcaption></figure>
<p>${FILLER} <a href="${v.text}">${v.text}</a> <img src="${v.text}" alt="photo"> VEC${i}END</p>`,
  );
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body>
<div class="site-header"><a href="/">Home</a></div>
<article><h1>${title}</h1><p class="byline">By Jane Reporter</p>
<p>${FILLER}</p>${blocks.join('\n')}
<p>${FILLER}</p></article><div class="site-footer">Copyright</div></body></html>`;
}

/** One page per vector for the single-valued slots: title, og:title, author,
 * description, h1, byline. */
function metaPage(v) {
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${v.text}</title>
<meta property="og:title" content="${v.text}"><meta name="author" content="${v.text}">
<meta name="description" content="${v.text}"></head><body>
<article><h1>${v.text}</h1><p class="byline">By ${v.text}</p>
<p>${FILLER}</p><p>${FILLER}</p><p>${FILLER}</p></article></body></html>`;
}

// Main-world hooks, installed before any page script (Playwright init script).
const MAIN_WORLD_HOOKS = `(() => {
  const log = [];
  Object.defineProperty(window, '__canary', { value: log });
  window.__armed = false;
  const where = () => {
    const ev = window.event;
    if (!ev) return 'no-event';
    const p = ev.composedPath ? ev.composedPath() : [];
    return p.some((n) => n && n.localName === 'unmirror-reader') ? 'overlay' : 'page';
  };
  const hook = (kind) => function () { log.push({ kind, where: where(), armed: window.__armed }); };
  for (const k of ['alert', 'confirm', 'prompt', 'print']) {
    Object.defineProperty(window, k, { value: hook(k), writable: false, configurable: false });
  }
  const pwned = hook('__pwned');
  Object.defineProperty(window, '__pwned', { get: () => undefined, set: pwned, configurable: false });
})();`;

// The same, in the extension's isolated world (evaluated after the first toggle).
const ISOLATED_HOOKS = `(() => {
  if (globalThis.__isoCanary) return true;
  const log = (globalThis.__isoCanary = []);
  for (const k of ['alert', 'confirm', 'prompt', 'print']) window[k] = () => log.push(k);
  Object.defineProperty(window, '__pwned', { get: () => undefined, set: () => log.push('__pwned') });
  return true;
})()`;

const TRAP_FAIL = /^\/trap\/(js|css|frame|form)\//;
// Vectors use ok.example for benign images and links: the reader and the exports
// may show those images. Any other host is a leak.
const offsite = (server, mark) => foreignRequests(server, mark).filter((r) => r.host.replace(/:\d+$/, '') !== 'ok.example');

describe('Chromium: XSS vectors in the reader and in exports', () => {
  let server;
  let b;
  let vectors;
  let wasm;
  const report = { vectors: 0, bodyPages: 0, metaPages: 0, shown: 0, pageOwnFires: 0, exports: 0 };

  before(async () => {
    vectors = loadVectors();
    server = await startServer();
    b = await launchChromium(server);
    await b.ctx.addInitScript({ content: MAIN_WORLD_HOOKS });
    // The page's own meta refresh (a vector) must not take the tab away from the test.
    await b.page.route('**/*', (route) => {
      const r = route.request();
      if (r.isNavigationRequest() && r.frame() === b.page.mainFrame() && !new URL(r.url()).pathname.startsWith('/dyn/')) {
        return route.fulfill({ status: 204 }); // a 204 leaves the page where it is
      }
      return route.continue();
    });
    const glue = await import(path.join(REPO, 'www/pkg/unmirror.js'));
    glue.initSync({ module: fs.readFileSync(path.join(REPO, 'www/pkg/unmirror_bg.wasm')) });
    wasm = glue;
  });
  after(async () => {
    console.log(`  xss e2e: ${JSON.stringify(report)}`);
    await b?.close();
    await server?.close();
  });

  /** Open `name` (stored on the server), arm, toggle, wait, and return what fired. */
  async function readerRun(name, { settle = 150, wait = 150, quiet = 150, isolated = false, close = true } = {}) {
    const { page, sw } = b;
    const t0 = Date.now();
    await page.goto(`${server.origin}/dyn/${name}`, { waitUntil: 'load' });
    if (settle) await page.waitForTimeout(settle);
    // The page's own payloads may still have requests on the way (a loaded machine
    // delays them): wait until the server has been quiet for 150 ms (at most 2 s),
    // so that they are not counted against the reader.
    for (let seen = -1, i = 0; i < 20 && server.mark() !== seen; i++) {
      seen = server.mark();
      await page.waitForTimeout(quiet);
    }
    report.pageOwnFires += await page.evaluate(() => {
      document.activeElement?.blur?.();
      window.__armed = true;
      return window.__canary.length;
    });
    const mark = server.mark();
    let res = await toggle(sw, page);
    assert.equal(res.state, 'open', `${name}: reader opened ${JSON.stringify(res)}`);
    if (isolated) {
      // The content script's world exists now: hook it, then render again.
      await inContentWorld(page, b.extId, ISOLATED_HOOKS);
      assert.equal((await toggle(sw, page)).state, 'closed');
      res = await toggle(sw, page);
      assert.equal(res.state, 'open');
    }
    await page.waitForTimeout(wait);
    const out = await page.evaluate(() => {
      const r = document.querySelector('unmirror-reader')?.shadowRoot;
      return {
        fired: window.__canary.filter((c) => c.armed),
        text: r ? r.textContent : '',
        ok: !!r?.querySelector('.content'),
      };
    });
    const iso = isolated ? await inContentWorld(page, b.extId, 'globalThis.__isoCanary') : [];
    const traps = server
      .since(mark)
      .map((r) => new URL(r.url))
      .filter((u) => u.host === `127.0.0.1:${server.port}` && TRAP_FAIL.test(u.pathname))
      .map((u) => u.pathname);
    const foreign = offsite(server, mark).map((r) => r.url);
    if (close) assert.equal((await toggle(sw, page)).state, 'closed');
    report.ms = (report.ms ?? 0) + (Date.now() - t0);
    const bad = out.fired.filter((c) => c.where !== 'page');
    report.pageOwnFires += out.fired.length - bad.length;
    return { res, bad, iso, traps, foreign, text: out.text };
  }

  /**
   * readerRun, with requests charged fairly. Requests are charged by time (after the
   * arming mark), and a loaded machine can delay the page's own deferred loads past it.
   * A request the reader causes comes back on every render; a late one of the page's
   * does not survive a second run that waits longer for quiet. Canary hooks are charged
   * by event, not time: those of both runs count.
   */
  async function chargedRun(name, opts) {
    const r = await readerRun(name, opts);
    if (!r.traps.length && !r.foreign.length) return r;
    report.rerun = (report.rerun ?? 0) + 1;
    const again = await readerRun(name, { ...opts, settle: 1500, wait: Math.max(opts.wait, 200), quiet: 3000, isolated: false });
    return { ...again, bad: [...r.bad, ...again.bad], iso: r.iso };
  }

  it('the canaries work: a payload planted in the open reader is caught', async () => {
    server.put('canary-check.html', bodyPage('Canary check', []));
    await b.page.goto(`${server.origin}/dyn/canary-check.html`);
    await b.page.evaluate(() => {
      window.__armed = true;
    });
    assert.equal((await toggle(b.sw, b.page)).state, 'open');
    const mark = server.mark();
    await b.page.evaluate(() => {
      const r = document.querySelector('unmirror-reader').shadowRoot.querySelector('.content');
      r.insertAdjacentHTML('beforeend', '<img src=/nope onerror="alert(1);window.__pwned=1;fetch(\'/trap/js/self-test\')">');
    });
    await b.page.waitForTimeout(300);
    const fired = await b.page.evaluate(() => window.__canary.filter((c) => c.armed));
    assert.deepEqual(fired.map((c) => [c.kind, c.where]), [['alert', 'no-event'], ['__pwned', 'no-event']]);
    assert.ok(server.since(mark).some((r) => r.url.endsWith('/trap/js/self-test')), 'trap request seen');
    assert.equal((await toggle(b.sw, b.page)).state, 'closed');
  });

  it('vectors in article bodies, captions, links and image attributes: nothing fires, nothing is fetched', async () => {
    report.vectors = vectors.length;
    const indexed = vectors.map((v, i) => ({ v, i }));
    const ordered = [...indexed.filter((x) => !greedy(x.v)), ...indexed.filter((x) => greedy(x.v))];
    const BATCH = 24;
    const batches = Math.ceil(ordered.length / BATCH);
    const shown = new Set();
    const failures = [];
    for (let k = 0; k < batches; k++) {
      // Deal the vectors round-robin: each batch gets a share of the greedy ones, last.
      const batch = ordered.filter((_, j) => j % batches === k);
      batch.sort((a, c) => greedy(a.v) - greedy(c.v));
      const name = `xss-body-${k}.html`;
      server.put(name, bodyPage(`Council passes budget ${k}`, batch));
      const r = await chargedRun(name, { settle: 400, wait: 600, quiet: 1000, isolated: k === 0 });
      report.bodyPages++;
      for (const { i } of batch) if (r.text.includes(`VEC${i}START`) || r.text.includes(`VEC${i}END`)) shown.add(i);
      const names = batch.map((x) => x.v.name).join(', ');
      if (r.bad.length || r.iso.length || r.traps.length || r.foreign.length) {
        failures.push({ page: name, vectors: names, fired: r.bad, isolated: r.iso, traps: r.traps, foreign: r.foreign });
      }
    }
    report.shown = shown.size;
    assert.deepEqual(failures, [], 'canaries fired in the reader');
    // The vectors really reached the reader (most are in the article; a greedy one
    // may swallow the rest of its batch, as it would in any browser).
    assert.ok(shown.size >= vectors.length * 0.8, `only ${shown.size}/${vectors.length} vectors reached the reader`);
  });

  it('vectors in titles, og:title, author, description, headings and bylines: nothing fires', async () => {
    const failures = [];
    for (const [i, v] of vectors.entries()) {
      const name = `xss-meta-${i}.html`;
      server.put(name, metaPage(v));
      const r = await chargedRun(name, { settle: 0, wait: 40, close: false });
      report.metaPages++;
      if (r.bad.length || r.traps.length || r.foreign.length) {
        failures.push({ vector: v.name, fired: r.bad, traps: r.traps, foreign: r.foreign });
      }
    }
    assert.deepEqual(failures, [], 'canaries fired in the reader');
  });

  it('every export format: the html-page export loads with no canary firing (Markdown is parsed natively in tests/xss.rs)', async () => {
    const page = await b.ctx.newPage();
    const pages = [];
    const indexed = vectors.map((v, i) => ({ v, i }));
    const BATCH = 24;
    for (let k = 0; k * BATCH < indexed.length; k++) {
      pages.push(bodyPage(`Export ${k}`, indexed.slice(k * BATCH, (k + 1) * BATCH)));
    }
    for (const v of vectors) pages.push(metaPage(v));
    const failures = [];
    const mark = server.mark();
    // Many exports per browser page, each in its own (unsandboxed, same-origin)
    // iframe: the canary hooks are installed in every frame.
    const FRAMES = 24;
    const names = [];
    const flush = async () => {
      if (!names.length) return;
      const host = `export-host-${report.exports}.html`;
      server.put(host, `<!DOCTYPE html><title>exports</title>${names.map((n) => `<iframe src="/dyn/${n}"></iframe>`).join('')}`);
      await page.goto(`${server.origin}/dyn/${host}`, { waitUntil: 'load' });
      await page.waitForTimeout(300);
      for (const f of page.frames()) {
        const fired = await f.evaluate(() => window.__canary).catch((e) => [{ error: String(e) }]);
        if (fired.length) failures.push({ frame: f.url(), fired });
      }
      names.length = 0;
    };
    for (const [n, html] of pages.entries()) {
      let article;
      try {
        article = wasm.clean(html, `${server.origin}/dyn/source-${n}.html`, undefined);
      } catch (e) {
        assert.match(String(e.message), /^no_content:/, `clean failed on page ${n}: ${e.message}`);
        continue;
      }
      article.source_url = `${server.origin}/dyn/source-${n}.html`;
      const json = JSON.stringify(article);
      for (const format of ['markdown', 'text-export']) {
        const out = wasm.export_article(json, format, '2026-01-01');
        assert.ok(out.length > 0);
        report.exports++;
      }
      const doc = wasm.export_article(json, 'html-page', '2026-01-01');
      report.exports++;
      server.put(`export-${n}.html`, doc);
      names.push(`export-${n}.html`);
      if (names.length === FRAMES) await flush();
    }
    await flush();
    const traps = server
      .since(mark)
      .map((r) => new URL(r.url))
      .filter((u) => u.host === `127.0.0.1:${server.port}` && TRAP_FAIL.test(u.pathname))
      .map((u) => u.pathname);
    await page.close();
    assert.deepEqual(failures, [], 'canaries fired in html-page exports');
    assert.deepEqual(traps, [], 'trap requests from html-page exports');
    assert.deepEqual(offsite(server, mark), [], 'requests leaving the machine from exports');
  });
});
