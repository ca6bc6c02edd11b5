// The reader renderer (content/overlay.js) in Chromium, fed core results with
// everything the overlay can show: figures, tables, code, attribution with
// evidence, mirror verdict, clutter to hide, and hostile markup the local
// allowlist must drop even if the core let it through. The renderer is loaded
// as the demo ships it (www/pkg/overlay.js), in a plain page.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { startServer } from './server.mjs';
import { ARTIFACTS, PAGE_STATE } from './common.mjs';
import { CHROMIUM, chromiumArgs, foreignRequests } from './chromium-lib.mjs';

const article = (origin, attribution) => ({
  title: 'Seoul weighs arms for Ukraine',
  byline: 'By Staff',
  published: '2024-06-20T08:00:00Z',
  lang: 'en',
  dir: 'ltr',
  site_name: 'Finovate',
  excerpt: null,
  lead_image: null,
  word_count: 120,
  reading_minutes: 1,
  text: '…',
  content_html: `
    <p>Seoul — South Korea will <a href="https://example.com/policy">reconsider</a> a longstanding policy.<sup><a href="#fn1">1</a></sup></p>
    <figure><img src="${origin}/img/figure.png?w=600&amp;h=260" alt="A harbour at dusk" onerror="window.pwned=1" style="border:9px solid red"><figcaption>Figure caption text.</figcaption></figure>
    <table><thead><tr><th>Year</th><th>Exports</th></tr></thead><tbody><tr><td>2023</td><td>14.0</td></tr></tbody></table>
    <pre><code>let answer = 42;</code></pre>
    <p><a href="javascript:window.pwned=2">bad link</a> <img src="javascript:alert(1)" alt="bad img"></p>
    <script>window.pwned = 3</script><iframe src="https://evil.example/"></iframe><form><input value="x"></form>
    <custom-tag>Unwrapped custom text.</custom-tag>
    <p id="fn1">1. A footnote.</p>`,
  mirror: { is_mirror: true, confidence: 0.92, family: 'finance-mirror-network', evidence: [{ kind: 'site_list', text: 'listed as a mirror', points_to: null }] },
  attribution,
  clutter: [
    { kind: 'breadcrumb', selector: 'nav.crumbs', reason: 'breadcrumb trail', text_chars: 20 },
    { kind: 'related', selector: 'aside.related', reason: 'related list', text_chars: 12 },
    { kind: 'bad', selector: '<<not a selector', reason: 'ignored', text_chars: 0 },
  ],
});

const READ = `
  const host = document.querySelector('unmirror-reader');
  const r = host.shadowRoot;
  const c = r.querySelector('.content');
  const strip = r.querySelector('[data-unmirror="attribution"]');
  return {
    html: c.innerHTML,
    imgs: [...c.querySelectorAll('img')].map((i) => ({ src: i.getAttribute('src'), onerror: i.getAttribute('onerror'), style: i.getAttribute('style'), loaded: i.complete && i.naturalWidth > 0 })),
    links: [...c.querySelectorAll('a')].map((a) => ({ text: a.textContent, href: a.getAttribute('href'), target: a.getAttribute('target'), rel: a.getAttribute('rel') })),
    tables: c.querySelectorAll('table td').length,
    figcaption: (c.querySelector('figcaption') || {}).textContent,
    code: (c.querySelector('pre code') || {}).textContent,
    bad: c.querySelectorAll('script, iframe, form, input, custom-tag').length,
    unwrapped: c.textContent.includes('Unwrapped custom text.'),
    strip: strip.textContent,
    stripLinks: [...strip.querySelectorAll('a')].map((a) => a.href),
    evidence: strip.querySelectorAll('details li').length,
    meta: [...r.querySelectorAll('.meta span')].map((x) => x.textContent),
    crumbs: getComputedStyle(document.querySelector('nav.crumbs')).display,
    related: getComputedStyle(document.querySelector('aside.related')).display,
    vote: getComputedStyle(document.querySelector('.vote')).display,
    pwned: window.pwned || null,
  };
`;

describe('Chromium: the reader renderer', () => {
  let server;
  let browser;
  let page;
  before(async () => {
    server = await startServer();
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: chromiumArgs(server),
    });
    page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(attribution) {
    await page.goto(`${server.origin}/pages/renderer.html`);
    const before = await page.evaluate(new Function(PAGE_STATE));
    await page.evaluate(
      ({ a }) => {
        window.handle = unmirror.overlay.open({ result: { ok: true, article: a }, settings: unmirror.settings.DEFAULTS, pageUrl: location.href });
      },
      { a: article(server.origin, attribution) },
    );
    await page.waitForFunction(() => [...document.querySelector('unmirror-reader').shadowRoot.querySelectorAll('.content img')].every((i) => i.complete));
    return before;
  }

  it('shows figures, tables and code; drops hostile markup; hides clutter and restores it', async () => {
    const before = await open({
      publisher: 'CBS News',
      publisher_domain: 'cbsnews.com',
      original_url: 'https://www.cbsnews.com/news/south-korea-weapons-ukraine/',
      confidence: 0.8,
      agencies: ['Agence France-Presse'],
      evidence: [
        { kind: 'outlet_self_reference', text: 'CBS News senior foreign correspondent Elizabeth Palmer said', points_to: 'CBS News' },
        { kind: 'agency_credit', text: 'told AFP', points_to: 'Agence France-Presse' },
      ],
    });
    const s = await page.evaluate(new Function(READ));
    assert.equal(s.imgs.length, 2);
    assert.equal(s.imgs[0].src, `${server.origin}/img/figure.png?w=600&h=260`);
    assert.equal(s.imgs[0].loaded, true, 'the figure image loads');
    assert.equal(s.imgs[0].onerror, null, 'event handler attributes dropped');
    assert.equal(s.imgs[0].style, null, 'style attributes dropped');
    assert.equal(s.imgs[1].src, null, 'javascript: image source dropped');
    assert.equal(s.figcaption, 'Figure caption text.');
    assert.equal(s.tables, 2);
    assert.equal(s.code, 'let answer = 42;');
    assert.equal(s.bad, 0, 'script, iframe, form, input and unknown tags gone');
    assert.equal(s.unwrapped, true, 'unknown tags unwrapped, their text kept');
    const bad = s.links.find((l) => l.text === 'bad link');
    assert.equal(bad.href, null, 'javascript: link dropped');
    const ext = s.links.find((l) => l.text === 'reconsider');
    assert.deepEqual([ext.href, ext.target, ext.rel], ['https://example.com/policy', '_blank', 'noopener noreferrer']);
    assert.equal(s.pwned, null, 'nothing executed');
    assert.match(s.strip, /is very likely a copy of an article published elsewhere \(confidence 92%\)/);
    assert.match(s.strip, /That CBS News published it first: very likely \(confidence 80%\)\./);
    // Confidence in words: the thresholds (overlay.js CONFIDENCE_WORDS).
    const words = await page.evaluate(() => [0.99, 0.8, 0.79, 0.5, 0.49, 0, -1, NaN].map((v) => unmirror.overlay.confidenceWords(v)));
    assert.deepEqual(words, ['very likely', 'very likely', 'likely', 'likely', 'possibly', 'possibly', null, null]);
    assert.match(s.strip, /Originally published by CBS News \(cbsnews\.com\)/);
    assert.match(s.strip, /Agencies: Agence France-Presse/);
    assert.deepEqual(s.stripLinks, ['https://www.cbsnews.com/news/south-korea-weapons-ukraine/']);
    assert.equal(s.evidence, 3, 'mirror + attribution evidence listed');
    assert.deepEqual(s.meta, ['By Staff', 'June 20, 2024', 'Finovate', '1 min read']);
    assert.deepEqual([s.crumbs, s.related, s.vote], ['none', 'none', 'block'], 'clutter hidden, the rest not');
    // The footnote link scrolls inside the reader and leaves the page URL alone.
    const url = page.url();
    await page.locator('unmirror-reader sup a').click();
    assert.equal(page.url(), url);
    await page.locator('unmirror-reader details summary').click();
    await page.screenshot({ path: path.join(ARTIFACTS, 'chromium-renderer.png') });
    await page.evaluate(() => window.handle.close());
    assert.deepEqual(await page.evaluate(new Function(PAGE_STATE)), before, 'page exactly as before, clutter styles included');
  });

  it('a long article renders in slices to the same article, through the same allowlist', async () => {
    await page.goto(`${server.origin}/pages/renderer.html`);
    const r = await page.evaluate(() => {
      const o = unmirror.overlay;
      const para = (k) =>
        `<p>Paragraph ${k} with <b>bold</b>, <a href="https://example.com/${k}">a link</a> and <img src="javascript:alert(1)" onerror="window.pwned=1"> a bad image.</p>\n` +
        (k % 50 === 0
          ? `<figure><img src="/img/figure.png" alt="f${k}"><figcaption>Caption ${k}</figcaption></figure>\n<table><tbody><tr><td>${k}</td><td>cell</td></tr></tbody></table>\n<ul><li>one</li><li>two</li></ul>\n<pre><code>\ncode ${k} &lt;x&gt;</code></pre>\n<script>window.pwned=2</script><iframe src="https://evil.example/"></iframe>\n`
          : '');
      const cases = {
        blocks: `<div><article>${Array.from({ length: 2500 }, (_, k) => para(k)).join('')}</article></div>`,
        sections: `<div>${Array.from({ length: 40 }, (_, k) => `<section><h2>S${k}</h2>${Array.from({ length: 60 }, (_, j) => para(j)).join('')}</section>`).join('')}</div>`,
        'one long paragraph': `<div><article><p>${'lorem <i>ipsum</i> dolor &amp; sit amet '.repeat(20000)}</p></article></div>`,
        'inline run': `<div><article>${'<span>word</span> <b>bold</b> '.repeat(20000)}</article></div>`,
      };
      const shape = (n) => {
        const els = [...n.querySelectorAll('*')].filter((e) => !e.hasAttribute('data-continued'));
        const tags = {};
        for (const e of els) tags[e.localName] = (tags[e.localName] ?? 0) + 1;
        const attrs = new Set(els.flatMap((e) => [...e.attributes].map((a) => a.name)));
        return { text: n.textContent, tags, attrs: [...attrs].sort() };
      };
      const out = {};
      for (const [name, html] of Object.entries(cases)) {
        const pieces = o.sliceHtml(html);
        const live = document.createElement('div');
        live.append(o.buildContent(pieces[0].html));
        for (const p of pieces.slice(1)) o.appendSlice(live, p);
        const a = shape(live);
        const b = shape(o.buildContent(html));
        out[name] = { pieces: pieces.length, same: JSON.stringify(a) === JSON.stringify(b), text: a.text.length, attrs: a.attrs };
      }
      // Not the core's kind of HTML (a bare `<` in text): one piece, as before.
      out.fallback = o.sliceHtml(`<p>${'a < b '.repeat(20000)}</p>`).length;
      return out;
    });
    for (const name of ['blocks', 'sections', 'one long paragraph', 'inline run']) {
      assert.ok(r[name].pieces > 5, `${name}: sliced (${r[name].pieces} pieces)`);
      assert.ok(r[name].same, `${name}: the same text, elements and attributes as in one go`);
      assert.ok(!r[name].attrs.some((a) => a.startsWith('on') || a === 'style'), `${name}: ${r[name].attrs}`);
    }
    assert.equal(r.fallback, 1);
    // Through open(): the first slice at once, the rest later; nothing runs.
    const big = { ...article(server.origin, {}), content_html: `<div><article>${'<p>Long <b>article</b> text <img src=x onerror="window.pwned=3"></p>\n'.repeat(20000)}</article></div>` };
    const first = await page.evaluate((a) => {
      window.handle = unmirror.overlay.open({ result: { ok: true, article: a }, settings: unmirror.settings.DEFAULTS, pageUrl: location.href });
      const c = document.querySelector('unmirror-reader').shadowRoot.querySelector('.content');
      return { render: c.dataset.render, slices: c.dataset.slices };
    }, big);
    assert.equal(first.render, 'partial');
    assert.match(first.slices, /^1\/\d+$/);
    await page.waitForFunction(() => document.querySelector('unmirror-reader').shadowRoot.querySelector('.content').dataset.render === 'complete');
    const done = await page.evaluate(() => {
      const c = document.querySelector('unmirror-reader').shadowRoot.querySelector('.content');
      window.handle.close();
      return { paras: c.querySelectorAll('p').length, pwned: window.pwned ?? null };
    });
    assert.deepEqual(done, { paras: 20000, pwned: null });
  });

  it('without an original URL: a "find the original" search link, never opened by itself', async () => {
    const mark = server.mark();
    const seen = [];
    const onRequest = (r) => seen.push(r.url());
    page.on('request', onRequest);
    await open({ publisher: 'CBS News', publisher_domain: null, original_url: null, agencies: [], evidence: [] });
    const s = await page.evaluate(new Function(READ));
    assert.match(s.strip, /Originally published by CBS News · Find the original/);
    assert.equal(s.stripLinks.length, 1);
    assert.match(s.stripLinks[0], /^https:\/\/duckduckgo\.com\/\?q=%22Seoul%20weighs%20arms%20for%20Ukraine%22%20CBS%20News$/);
    await page.evaluate(() => window.handle.close());
    page.off('request', onRequest);
    assert.deepEqual(seen.filter((u) => !u.startsWith(`${server.origin}/`)), [], 'the page asked for nothing but the test server');
    assert.deepEqual(foreignRequests(server, mark), [], 'no request to the search engine or anywhere else');
  });
});
