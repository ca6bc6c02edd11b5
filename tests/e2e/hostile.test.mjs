// Pathological pages in the extension (issue #10): the hostile inputs of the core's
// tests/hostile.rs, served to Chromium and read with the real extension. For each:
// the reader opens (a result or a polite message, never a hang or a dead tab), and
// the tab stays responsive while the reader works: a timer heartbeat in the page's
// main world keeps ticking, and its longest gap while the reader works is reported
// and bounded. Times are printed per input.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startServer, REPO } from './server.mjs';
import { launchChromium, toggle, inContentWorld } from './chromium-lib.mjs';

const PARA =
  'The committee heard evidence from residents, engineers and the regional transport authority before ' +
  'voting to approve the plan, which will widen the bridge, add a protected cycle lane and replace the ' +
  'signals at both ends by next spring. ';
const article = (body) =>
  `<!DOCTYPE html><html><head><meta charset="utf-8"><title>t</title></head><body><article>` +
  `<p>${PARA}${PARA}</p>${body}<p>${PARA}${PARA}</p></article></body></html>`;
const nest = (open, close, depth, inner) => open.repeat(depth) + inner + close.repeat(depth);

function randomText(len, seed) {
  const alphabet = '<>/="\' abcdiv!-pa\n&#;';
  let x = seed >>> 0;
  let s = '';
  for (let i = 0; i < len; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    s += alphabet[(x >>> 0) % alphabet.length];
  }
  return s;
}

// name, page, what the reader must show: 'article' (text containing `expect`),
// 'message' (a polite error), or 'either'.
const CASES = [
  {
    name: 'page-8mb',
    make: () => {
      const block = `<div class="story"><h2>Section</h2><p>${PARA}${PARA}${PARA}${PARA}</p><p>${PARA}${PARA}<a href="/more">more</a> ${PARA}</p></div>\n`;
      return article(block.repeat(Math.ceil((8 * 1024 * 1024) / block.length)));
    },
    shows: 'either',
  },
  { name: 'deep-div-100k', make: () => article(nest('<div>', '</div>', 100_000, PARA)), shows: 'article', expect: 'committee' },
  { name: 'deep-div-unclosed-100k', make: () => article('<div>'.repeat(100_000)), shows: 'either' },
    { name: 'elements-100k', make: () => article('<span>word</span> '.repeat(100_000)), shows: 'either' },
  { name: 'text-node-4mb', make: () => article(`<p>${'lorem ipsum dolor sit amet '.repeat(155_000)}</p>`), shows: 'article', expect: 'lorem ipsum' },
  { name: 'b-unclosed-60k', make: () => article(`${'<b>'.repeat(60_000)}${PARA}`), shows: 'article', expect: 'committee' },
  { name: 'a-unclosed-60k', make: () => article(`${'<a href=x>'.repeat(60_000)}${PARA}`), shows: 'either' },
  {
    name: 'formatting-reconstruction',
    make: () => {
      let b = '<p>';
      for (let k = 0; k < 100; k++) b += `<b class=c${k}>`;
      return article(`${b}</p>${`<p>${PARA}</p>`.repeat(1_000)}`);
    },
    shows: 'either',
  },
  { name: 'giant-attribute-4mb', make: () => article(`<p data-x="${'x'.repeat(4 * 1024 * 1024)}">${PARA}</p>`), shows: 'article', expect: 'committee' },
  { name: 'duplicate-attributes-100k', make: () => article(`<p ${'a=1 '.repeat(100_000)}>${PARA}</p>`), shows: 'article', expect: 'committee' },
  { name: 'nested-tables-5k', make: () => article(nest('<table><tr><td>', '</td></tr></table>', 5_000, PARA)), shows: 'either' },
  { name: 'nested-lists-20k', make: () => article(nest('<ul><li>', '</li></ul>', 20_000, PARA)), shows: 'either' },
  { name: 'garbage-random-1mb', make: () => randomText(1024 * 1024, 7), shows: 'either' },
  {
    name: 'no-article',
    make: () => fs.readFileSync(path.join(REPO, 'tests/e2e/pages/noarticle.html'), 'utf8'),
    shows: 'message',
  },
];

// The longest main-thread stall the reader may cause, on top of the page's own
// work. Capture walks the DOM on the main thread (it must); the core runs there
// only for pages small enough to clean within this budget (see
// WORKER_ROUTE_CHARS in content/main.js), larger ones in the service worker.
const STALL_BUDGET_MS = Number(process.env.UNMIRROR_STALL_BUDGET_MS ?? 5000);
const OPEN_BUDGET_MS = 90_000;
// The page answers a script call this soon after the reader opened.
const ANSWER_BUDGET_MS = Number(process.env.UNMIRROR_ANSWER_BUDGET_MS ?? 10_000);

// The longest main-thread gap while the reader renders a long article: from
// the overlay's start to the last slice of the article on screen. The overlay renders a long
// article in slices across tasks (content/overlay.js); rendered in one go, the
// 8 MB page's article held the main thread 6.4-8 s and the 100k-element page's
// 4-5 s. Generous for loaded CI machines: a slice takes a few ms. (The capture
// before it walks the live DOM on the main thread and is reported, not bounded here.)
const RESPONSIVE_BUDGET_MS = Number(process.env.UNMIRROR_RESPONSIVE_BUDGET_MS ?? 1500);
// The longest main-thread gap from the click to the whole article on screen, capture
// included: what the user feels. Before slicing and the element-count route it was
// 5-8 s on these pages; measured since: at most ~1.2 s (the capture walk of 100k
// elements). Three times that, for loaded CI machines.
const TAB_GAP_BUDGET_MS = Number(process.env.UNMIRROR_TAB_GAP_BUDGET_MS ?? 4000);

const HEARTBEAT = `(() => {
  const beats = [];
  Object.defineProperty(window, '__beats', { value: beats });
  setInterval(() => beats.push(performance.now()), 10);
})();`;

describe('Chromium: pathological pages in the extension', () => {
  let server;
  let b;
  const times = [];
  before(async () => {
    server = await startServer();
    b = await launchChromium(server);
    await b.ctx.addInitScript({ content: HEARTBEAT });
  });
  after(async () => {
    console.log('  hostile pages in Chromium (ms): name, chars, page load, reader open (capture, clean, render), article complete, max main-thread gap (from the click, capture included), max gap while rendering, page answer after open, route, result, slices');
    for (const t of times) console.log(`    ${t.join('  ')}`);
    await b?.close();
    await server?.close();
  });

  it('closing while the article is still rendering puts the page back exactly and stops the slices', async () => {
    const { page, sw } = b;
    const paras = Array.from({ length: 3000 }, (_, k) => `<p>Paragraph ${k}: ${PARA}</p>`).join('\n');
    server.put('slices.html', article(paras));
    await page.goto(`${server.origin}/dyn/slices.html`, { waitUntil: 'load' });
    await page.evaluate(() => window.scrollTo(0, 1234));
    const before = await page.evaluate(() => ({ html: document.documentElement.outerHTML, y: window.scrollY }));
    // Once through the background (it injects the content scripts), then open
    // and close in one task of the content script: the close comes before any
    // later slice can run.
    assert.equal((await toggle(sw, page)).state, 'open');
    assert.equal((await toggle(sw, page)).state, 'closed');
    const r = await inContentWorld(page, b.extId, `(async () => {
      const opened = await unmirror.content.toggle();
      const c = document.querySelector('unmirror-reader').shadowRoot.querySelector('.content');
      const during = { render: c.dataset.render, slices: c.dataset.slices, text: c.textContent.length };
      const closed = await unmirror.content.toggle();
      // Many tasks later: a slice still scheduled would have run (timers of
      // equal delay run in order).
      for (let k = 0; k < 20; k++) await new Promise((ok) => setTimeout(ok, 0));
      const after = { render: c.dataset.render, slices: c.dataset.slices, text: c.textContent.length };
      return { opened: opened.state, closed: closed.state, during, after };
    })()`);
    assert.equal(r.opened, 'open');
    assert.equal(r.closed, 'closed');
    assert.equal(r.during.render, 'partial', JSON.stringify(r));
    assert.match(r.during.slices, /^1\/\d+$/);
    assert.deepEqual(r.after, r.during, 'no slice rendered after the reader closed');
    const after = await page.evaluate(() => ({
      html: document.documentElement.outerHTML,
      y: window.scrollY,
      host: !!document.querySelector('unmirror-reader'),
    }));
    assert.equal(after.host, false);
    assert.equal(after.y, before.y);
    assert.ok(after.html === before.html, 'the page is back exactly as it was');
    await page.goto('about:blank');
  });

  for (const c of CASES) {
    it(`${c.name}: the reader answers and the tab stays responsive`, async () => {
      const { page, sw } = b;
      const html = c.make();
      server.put(`${c.name}.html`, html);
      const t0 = Date.now();
      await page.goto(`${server.origin}/dyn/${c.name}.html`, { waitUntil: 'load', timeout: 120_000 });
      const load = Date.now() - t0;
      await page.waitForTimeout(100);
      const start = await page.evaluate(() => performance.now());
      const t1 = Date.now();
      const res = await Promise.race([
        toggle(sw, page),
        new Promise((_, reject) => setTimeout(() => reject(new Error('reader did not answer in time')), OPEN_BUDGET_MS)),
      ]);
      const open = Date.now() - t1;
      assert.equal(res.state, 'open', JSON.stringify(res));
      // A long article keeps rendering in slices after the reader opened: wait
      // for the last one (the heartbeat gap below covers all of it).
      await page.waitForFunction(() => {
        const r = document.querySelector('unmirror-reader')?.shadowRoot;
        const c = r?.querySelector('.content');
        return r?.querySelector('.message') || (c && c.dataset.render !== 'partial');
      }, null, { timeout: OPEN_BUDGET_MS, polling: 50 });
      const complete = Date.now() - t1;
      // The page answers, and the heartbeat ticked while the reader worked.
      const probe = Date.now();
      const { gap, renderGap, slices, shown } = await page.evaluate(([s, r0]) => {
        // The longest gap between heartbeats from `from` to now.
        const longest = (from) => {
          let max = 0;
          let prev = from;
          for (const t of window.__beats) {
            if (t < from) continue;
            max = Math.max(max, t - prev);
            prev = t;
          }
          return Math.max(max, performance.now() - prev);
        };
        const max = longest(s);
        const r = document.querySelector('unmirror-reader')?.shadowRoot;
        return {
          gap: Math.round(max),
          renderGap: Math.round(longest(r0)),
          slices: r?.querySelector('.content')?.dataset.slices ?? '-',
          shown: {
            text: r?.querySelector('.content')?.textContent?.slice(0, 2000) ?? null,
            message: r?.querySelector('.message')?.textContent ?? null,
            role: r?.querySelector('.message')?.getAttribute('role') ?? null,
          },
        };
      }, [start, res.timings?.renderStart ?? start]);
      const answer = Date.now() - probe;
      const ms = (k) => Math.round(res.timings?.[k] ?? -1);
      times.push([c.name, html.length, load, open, ms('capture'), ms('clean'), ms('render'), complete, gap, renderGap, answer, res.route, res.ok ? 'article' : res.code, slices]);
      assert.ok(answer < ANSWER_BUDGET_MS, `the page answered in ${answer} ms`);
      if (process.env.UNMIRROR_NO_RESPONSIVE !== '1') {
        assert.ok(gap < TAB_GAP_BUDGET_MS, `the tab was unresponsive for ${gap} ms at once while the reader opened`);
      }
      // Big captures are cleaned off the page's main thread.
      if (html.length > 3 * 1024 * 1024 && res.ok !== undefined) assert.equal(res.route, 'worker', 'a huge page is cleaned in the worker');
      // So are captures of very many elements (the core's time follows the element count).
      if ((res.timings?.elements ?? 0) > 60_000) assert.equal(res.route, 'worker', 'a page of very many elements is cleaned in the worker');
      if (c.shows === 'article' || (c.shows === 'either' && res.ok)) {
        assert.equal(res.ok, true, JSON.stringify(res));
        assert.ok(shown.text !== null, 'article rendered');
        if (c.expect) assert.ok(shown.text.includes(c.expect), `article shows "${c.expect}"`);
      } else {
        assert.equal(res.ok, false, JSON.stringify(res));
        assert.equal(shown.role, 'status', 'the message is a polite status');
        assert.ok(shown.message && shown.message.length < 300, `a short message: ${shown.message}`);
        assert.ok(!/panic|RuntimeError|undefined|null/.test(shown.message), `no internals in: ${shown.message}`);
      }
      // The stall the core itself may cause on the main thread: whatever is left
      // of the longest heartbeat gap after the capture and the overlay's render.
      const core = res.route === 'content' ? (res.timings?.clean ?? 0) : 0;
      assert.ok(core < STALL_BUDGET_MS, `the core blocked the page's main thread for ${Math.round(core)} ms`);
      // Bounded where the article itself is long (rendered in slices). On the
      // deep-DOM pages a short article's gap is the page's own relayout of its
      // 100k nested elements when the reader opens over it: reported only.
      if (slices !== '-' && process.env.UNMIRROR_NO_RESPONSIVE !== '1') {
        assert.ok(renderGap < RESPONSIVE_BUDGET_MS, `rendering the reader held the page's main thread ${renderGap} ms at once`);
      }
      if (res.ok) {
        // All of the article is on screen: the live content matches the core's
        // content_html rendered in one go (same text, same elements but for the
        // continuations of blocks split between slices).
        const same = await inContentWorld(page, b.extId, `(async () => {
          const { result } = await unmirror.content.article();
          const ref = unmirror.overlay.buildContent(result.article.content_html);
          const live = document.querySelector('unmirror-reader').shadowRoot.querySelector('.content');
          const shape = (n) => ({
            text: n.textContent.length,
            elements: n.querySelectorAll('*').length - n.querySelectorAll('[data-continued]').length,
          });
          return { ref: shape(ref), live: shape(live) };
        })()`);
        assert.deepEqual(same.live, same.ref, 'the whole article is rendered');
      }
      assert.equal((await toggle(sw, page)).state, 'closed');
      await page.goto('about:blank');
    });
  }
});
