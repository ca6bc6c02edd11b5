// The reader overlay: a host element with an open shadow root, styled by a
// constructed stylesheet (so a page CSP on inline styles does not matter and
// page CSS cannot reach in), built with DOM APIs only.
//
// The article HTML comes from the core, which allowlist-serialises it. We still
// treat it as untrusted: it is parsed with DOMParser into an inert document (no
// scripts run, nothing loads) and rebuilt element by element through a second,
// local allowlist of tags, attributes and URL schemes. Nothing is ever assigned
// to innerHTML in the live page.
//
// Opening changes the live page in three reversible ways, all undone by close():
// the host element is appended to <html>, the <html>/<body> `style` attributes
// get `overflow: hidden` (no page scroll behind the reader), and clutter
// elements named by the core get `display: none`. Each touched `style` attribute
// is saved verbatim (or its absence) and put back as it was; scroll position and
// focus are restored too.
(function () {
  'use strict';
  const ns = (globalThis.unmirror ??= {});
  if (ns.overlay) return;

  const HOST_TAG = 'unmirror-reader';
  const SEARCH_URL = 'https://duckduckgo.com/?q=';
  // Confidence (0..1, mirror verdict and attribution alike) in words: the first
  // entry whose floor the value reaches. The one place these thresholds live.
  const CONFIDENCE_WORDS = Object.freeze([
    [0.8, 'very likely'],
    [0.5, 'likely'],
    [0, 'possibly'],
  ]);

  // ---- the local allowlist -------------------------------------------------

  const KEEP = new Set([
    'a', 'abbr', 'address', 'article', 'aside', 'b', 'bdi', 'bdo', 'blockquote', 'br', 'caption',
    'cite', 'code', 'col', 'colgroup', 'dd', 'del', 'details', 'dfn', 'div', 'dl', 'dt', 'em',
    'figcaption', 'figure', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'i',
    'img', 'ins', 'kbd', 'li', 'main', 'mark', 'ol', 'p', 'picture', 'pre', 'q', 's', 'samp',
    'section', 'small', 'source', 'span', 'strong', 'sub', 'summary', 'sup', 'table', 'tbody',
    'td', 'tfoot', 'th', 'thead', 'time', 'tr', 'u', 'ul', 'var', 'wbr',
  ]);
  // Dropped with everything inside; any other unknown tag is unwrapped (its
  // children kept).
  const DROP = new Set([
    'script', 'style', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'form',
    'input', 'button', 'select', 'textarea', 'option', 'link', 'meta', 'base', 'svg', 'math',
    'template', 'noscript', 'canvas', 'audio', 'video', 'track', 'dialog', 'slot', 'portal',
  ]);
  const GLOBAL_ATTRS = new Set(['title', 'lang', 'dir', 'id']);
  const TAG_ATTRS = {
    a: ['href'],
    img: ['src', 'srcset', 'alt', 'width', 'height', 'sizes'],
    source: ['srcset', 'type', 'media', 'sizes'],
    td: ['colspan', 'rowspan', 'headers'],
    th: ['colspan', 'rowspan', 'headers', 'scope', 'abbr'],
    col: ['span'],
    colgroup: ['span'],
    ol: ['start', 'reversed', 'type'],
    li: ['value'],
    time: ['datetime'],
    blockquote: ['cite'],
    q: ['cite'],
    del: ['cite', 'datetime'],
    ins: ['cite', 'datetime'],
    details: ['open'],
  };
  const URL_ATTRS = new Set(['href', 'src', 'cite']);

  /** An absolute, safe URL for `attr`, or null. Relative URLs resolve against the page. */
  function safeUrl(value, attr, tag) {
    let u;
    try {
      u = new URL(value, document.baseURI);
    } catch {
      return null;
    }
    if (u.protocol === 'http:' || u.protocol === 'https:') return u.href;
    if (attr === 'href' && u.protocol === 'mailto:') return u.href;
    if (attr === 'src' && tag === 'img' && /^data:image\/(png|jpe?g|gif|webp|avif);/i.test(value)) return value;
    return null;
  }

  function safeSrcset(value) {
    const parts = [];
    for (const cand of value.split(',')) {
      const [url, ...desc] = cand.trim().split(/\s+/);
      if (!url) continue;
      const abs = safeUrl(url, 'src', 'source');
      if (!abs) return null; // one bad candidate: drop the whole attribute
      parts.push([abs, ...desc.filter((d) => /^\d+(\.\d+)?[wx]$/.test(d))].join(' '));
    }
    return parts.length ? parts.join(', ') : null;
  }

  function copyAttrs(src, dst, tag) {
    const allowed = TAG_ATTRS[tag] ?? [];
    for (const a of src.attributes) {
      const name = a.name.toLowerCase();
      if (!GLOBAL_ATTRS.has(name) && !allowed.includes(name)) continue;
      let value = a.value;
      if (URL_ATTRS.has(name)) value = safeUrl(value, name, tag);
      else if (name === 'srcset') value = safeSrcset(value);
      else if (name === 'dir' && !/^(ltr|rtl|auto)$/i.test(value)) value = null;
      if (value !== null) dst.setAttribute(name, value);
    }
    if (tag === 'a' && dst.hasAttribute('href')) {
      dst.setAttribute('target', '_blank');
      dst.setAttribute('rel', 'noopener noreferrer');
    }
    if (tag === 'img') {
      dst.setAttribute('loading', 'lazy');
      dst.setAttribute('decoding', 'async');
    }
  }

  /** Rebuild the core's `content_html` as a fragment of live-document nodes. */
  function buildContent(html) {
    const inert = new DOMParser().parseFromString(`<!DOCTYPE html><body>${html}`, 'text/html');
    const frag = document.createDocumentFragment();
    // Document-order walk with an explicit stack (no recursion): each frame is
    // the live parent and the next inert child to copy into it.
    const stack = [{ dst: frag, next: inert.body.firstChild }];
    while (stack.length) {
      const top = stack[stack.length - 1];
      const c = top.next;
      if (!c) {
        stack.pop();
        continue;
      }
      top.next = c.nextSibling;
      if (c.nodeType === Node.TEXT_NODE) {
        top.dst.appendChild(document.createTextNode(c.data));
      } else if (c.nodeType === Node.ELEMENT_NODE) {
        const tag = c.localName;
        if (DROP.has(tag)) continue;
        if (KEEP.has(tag)) {
          const el = document.createElement(tag);
          copyAttrs(c, el, tag);
          top.dst.appendChild(el);
          stack.push({ dst: el, next: c.firstChild });
        } else {
          stack.push({ dst: top.dst, next: c.firstChild }); // unknown: unwrap
        }
      }
    }
    return frag;
  }

  // ---- long articles: rendered in slices -------------------------------------

  // An article whose content_html is longer than SLICE_CHARS is cut between
  // top-level nodes into slices of about that size. The first slice is rendered
  // with the reader; the others in later tasks, as many per task as fit in
  // SLICE_TASK_MS, so a huge article never holds the page's main thread for
  // long. Each slice goes through buildContent on its own: the same inert parse
  // and the same allowlist as a short article. Closing the reader cancels the
  // slices still pending.
  const SLICE_CHARS = 32 * 1024;
  const SLICE_TASK_MS = 8;
  const VOID_TAGS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
  // Slices are cut where only these flow containers are open (their children
  // parse alike on their own).
  const SLICE_CONTAINERS = new Set(['div', 'article', 'section', 'main']);
  // A block that alone is longer than twice SLICE_CHARS is cut too, inside these
  // (whose content parses alike on its own), even inside a text run (at a
  // space): the next slice continues in a shallow copy of the open elements
  // (a new paragraph). One block of megabytes would otherwise cost seconds of
  // layout at once, whatever the slicing.
  const SPLIT_INSIDE = new Set([
    ...SLICE_CONTAINERS, 'p', 'blockquote', 'ul', 'li', 'dl', 'dd', 'dt', 'figure', 'figcaption', 'pre',
    'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'span', 'a', 'b', 'strong', 'i', 'em', 'u', 's', 'small', 'mark',
    'q', 'cite', 'code', 'sub', 'sup', 'del', 'ins', 'abbr', 'bdi', 'bdo', 'dfn', 'kbd', 'samp', 'var', 'time',
  ]);

  /**
   * `html` cut into pieces of about `size` characters: [{ html, open }] where
   * `open` lists the tags open where the piece starts (its content belongs in
   * the innermost). In the core's output every `<` and `>` of text and
   * attribute values is escaped, so each `<` starts a tag `<name …>` or
   * `</name>`; on anything else (a tag that does not parse so, end tags that do
   * not match) the whole string is one piece.
   */
  function sliceHtml(html, size = SLICE_CHARS) {
    const whole = [{ html, open: [] }];
    if (typeof html !== 'string' || html.length <= size) return whole;
    const split = 2 * size;
    const pieces = [];
    const stack = [];
    let containers = 0; // how many of `stack` are SLICE_CONTAINERS
    let inside = 0; // how many are SPLIT_INSIDE
    let start = 0;
    let startOpen = [];
    // End tags of elements open where the piece starts are left out of it: on
    // its own a stray `</p>` would parse as an empty paragraph.
    let floor = 0;
    let skips = [];
    let i = 0;
    const piece = (at) => {
      let text = '';
      let from = start;
      for (const [a, b] of skips) {
        text += html.slice(from, a);
        from = b;
      }
      return { html: text + html.slice(from, at), open: startOpen };
    };
    const cut = (at) => {
      pieces.push(piece(at));
      start = at;
      startOpen = stack.slice();
      floor = stack.length;
      skips = [];
    };
    for (;;) {
      let lt = html.indexOf('<', i);
      if (lt < 0) lt = html.length;
      // A long text run: cut it at spaces (never inside a character reference).
      while (inside === stack.length && lt - start > split) {
        const sp = html.lastIndexOf(' ', start + split);
        if (sp <= start || sp <= i) break;
        cut(sp);
      }
      if (lt >= html.length) break;
      const gt = html.indexOf('>', lt + 1);
      if (gt < 0) return whole;
      i = gt + 1;
      const closing = html.charCodeAt(lt + 1) === 47;
      const m = /^[a-z][a-z0-9]*/i.exec(html.slice(lt + (closing ? 2 : 1), Math.min(gt, lt + 16)));
      if (!m) return whole;
      const name = m[0].toLowerCase();
      if (closing) {
        if (stack.pop() !== name) return whole;
        if (stack.length < floor) {
          skips.push([lt, i]);
          floor = stack.length;
        }
        if (SLICE_CONTAINERS.has(name)) containers -= 1;
        if (SPLIT_INSIDE.has(name)) inside -= 1;
      } else if (!VOID_TAGS.has(name)) {
        stack.push(name);
        if (SLICE_CONTAINERS.has(name)) containers += 1;
        if (SPLIT_INSIDE.has(name)) inside += 1;
      }
      if ((containers === stack.length && i - start >= size) || (inside === stack.length && i - start >= split)) cut(i);
    }
    if (stack.length) return whole;
    if (start < html.length) pieces.push(piece(html.length));
    return pieces;
  }

  /**
   * Where a piece that starts inside `open` goes: the live element for its
   * innermost tag, through shallow copies (marked `data-continued`, no `id`) of
   * the open elements that are not SLICE_CONTAINERS.
   */
  function sliceParent(content, open) {
    let el = content;
    let k = 0;
    for (; k < open.length && SLICE_CONTAINERS.has(open[k]); k++) {
      const next = el.lastElementChild;
      if (!next || next.localName !== open[k]) return content; // never expected: keep the text anyway
      el = next;
    }
    let live = el;
    for (; k < open.length; k++) {
      live = live?.lastElementChild;
      if (!live || live.localName !== open[k]) return el;
      const copy = live.cloneNode(false);
      copy.removeAttribute('id');
      copy.dataset.continued = '';
      el.append(copy);
      el = copy;
    }
    return el;
  }

  const BLOCKS = new Set([
    'address', 'article', 'aside', 'blockquote', 'dd', 'details', 'div', 'dl', 'dt', 'figcaption', 'figure',
    'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'ol', 'p', 'pre', 'section',
    'summary', 'table', 'ul',
  ]);

  /**
   * Append one piece where it belongs. A piece that lands in a container and
   * starts with inline content gets its own block (`div[data-continued]`):
   * otherwise a run of inline content across many slices would be one growing
   * line box, laid out again whole after every slice.
   */
  function appendSlice(content, piece) {
    const parent = sliceParent(content, piece.open);
    const frag = buildContent(piece.html);
    let first = frag.firstChild;
    while (first && first.nodeType === Node.TEXT_NODE && !first.data.trim()) first = first.nextSibling;
    const inline = first && (first.nodeType === Node.TEXT_NODE || !BLOCKS.has(first.localName));
    if (inline && SLICE_CONTAINERS.has(parent.localName ?? '')) {
      const block = document.createElement('div');
      block.dataset.continued = '';
      block.append(frag);
      parent.append(block);
    } else {
      parent.append(frag);
    }
  }

  /**
   * Render `pieces` into `content` in later tasks; `content.dataset.render` says
   * `partial` until the last one is in (`complete`). Returns cancel().
   */
  function renderRest(content, pieces) {
    let k = 0;
    let timer = null;
    let wasConnected = false;
    const total = pieces.length + 1;
    const step = () => {
      timer = null;
      // A reader taken out of the page (the demo replaces its reader) stops.
      if (content.isConnected) wasConnected = true;
      else if (wasConnected) return;
      const t0 = performance.now();
      while (k < pieces.length && performance.now() - t0 < SLICE_TASK_MS) appendSlice(content, pieces[k++]);
      content.dataset.slices = `${k + 1}/${total}`;
      if (k < pieces.length) timer = setTimeout(step, 0);
      else content.dataset.render = 'complete';
    };
    content.dataset.render = 'partial';
    content.dataset.slices = `1/${total}`;
    timer = setTimeout(step, 0);
    return () => {
      if (timer !== null) clearTimeout(timer);
      timer = null;
      k = pieces.length;
    };
  }

  // reader element -> cancel() of its pending slices
  const pendingRender = new WeakMap();

  // ---- small DOM helpers ---------------------------------------------------

  function h(tag, attrs = {}, ...children) {
    const el = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) {
      if (v === null || v === undefined || v === false) continue;
      if (k === 'class') el.className = v;
      else if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
      else el.setAttribute(k, v === true ? '' : String(v));
    }
    for (const c of children) {
      if (c === null || c === undefined || c === false) continue;
      el.append(typeof c === 'string' ? document.createTextNode(c) : c);
    }
    return el;
  }

  function hostname(url) {
    try {
      return new URL(url).hostname.replace(/^www\./, '');
    } catch {
      return '';
    }
  }

  function formatDate(s) {
    if (typeof s !== 'string' || !s) return null;
    const d = /^\d{4}-\d{2}-\d{2}/.test(s) ? new Date(s) : null;
    if (d && !Number.isNaN(d.getTime())) {
      try {
        return new Intl.DateTimeFormat(undefined, { dateStyle: 'long' }).format(d);
      } catch {
        /* fall through */
      }
    }
    return s;
  }

  const str = (v) => (typeof v === 'string' && v.trim() ? v.trim() : null);

  // ---- the attribution strip -----------------------------------------------

  /** `confidence` in words ("very likely", "likely", "possibly"), or null. */
  function confidenceWords(confidence) {
    if (!Number.isFinite(confidence) || confidence < 0) return null;
    return CONFIDENCE_WORDS.find(([floor]) => confidence >= floor)?.[1] ?? null;
  }

  function evidenceList(items) {
    const ul = h('ul', { class: 'evidence' });
    for (const e of items) {
      if (typeof e !== 'object' || e === null) continue;
      const text = str(e.text) ?? str(e.reason) ?? '';
      const li = h('li', {}, str(e.kind) ? h('span', { class: 'kind' }, str(e.kind)) : null, text);
      const to = str(e.points_to);
      if (to) li.append(' → ', to);
      ul.append(li);
    }
    return ul;
  }

  function attributionStrip(article, pageUrl) {
    const strip = h('aside', { 'data-unmirror': 'attribution', class: 'attribution', 'aria-label': 'Source' });
    const attr = typeof article.attribution === 'object' && article.attribution ? article.attribution : null;
    const mirror = typeof article.mirror === 'object' && article.mirror ? article.mirror : null;
    const evidence = [];
    if (mirror?.is_mirror) {
      const words = confidenceWords(mirror.confidence);
      const pct = words ? ` (confidence ${Math.round(mirror.confidence * 100)}%)` : '';
      strip.append(
        h('p', { class: 'mirror', 'data-confidence': words },
          `This page is ${words ?? 'likely'} a copy of an article published elsewhere`, pct,
          ". Its dates and byline may not be the original's."),
      );
      if (Array.isArray(mirror.evidence)) evidence.push(...mirror.evidence);
    }
    const publisher = str(attr?.publisher) ?? str(attr?.publisher_domain);
    if (publisher) {
      const line = h('p', { class: 'publisher' }, 'Originally published by ', h('strong', {}, publisher));
      const dom = str(attr.publisher_domain);
      if (dom && dom !== publisher) line.append(` (${dom})`);
      const original = str(attr.original_url) ? safeUrl(attr.original_url, 'href', 'a') : null;
      line.append(' · ');
      if (original) {
        line.append(h('a', { href: original, target: '_blank', rel: 'noopener noreferrer' }, 'Read the original'));
      } else {
        // The exact headline, on the publisher's domain when known.
        const where = dom && /^[a-z0-9.-]+$/i.test(dom) ? `site:${dom}` : publisher;
        const q = `"${str(article.title) ?? ''}" ${where}`;
        line.append(
          h('a', { href: SEARCH_URL + encodeURIComponent(q), target: '_blank', rel: 'noopener noreferrer' }, 'Find the original'),
        );
      }
      strip.append(line);
      const agencies = Array.isArray(attr.agencies) ? attr.agencies.map(str).filter(Boolean) : [];
      if (agencies.length) strip.append(h('p', { class: 'agencies' }, `Agencies: ${agencies.join(', ')}`));
      const words = attr.confidence > 0 ? confidenceWords(attr.confidence) : null;
      if (words) {
        strip.append(h('p', { class: 'confidence', 'data-confidence': words },
          `That ${publisher} published it first: ${words} (confidence ${Math.round(attr.confidence * 100)}%).`));
      }
      if (Array.isArray(attr.evidence)) evidence.push(...attr.evidence);
    } else {
      const site = str(article.site_name) ?? hostname(pageUrl);
      strip.append(h('p', { class: 'publisher' }, 'From ', h('strong', {}, site || 'this page')));
    }
    if (evidence.length) {
      strip.append(h('details', {}, h('summary', {}, 'Why unmirror says so'), evidenceList(evidence)));
    }
    return strip;
  }

  // ---- page changes that close() undoes ------------------------------------

  function saveStyle(el) {
    return { el, style: el.getAttribute('style') };
  }
  function restoreStyle({ el, style }) {
    // Blink writes CSSOM changes back to the `style` attribute lazily; reading the
    // attribute first flushes that, or a late flush re-creates `style=""` after
    // the removal.
    el.getAttribute('style');
    if (style === null) el.removeAttribute('style');
    else el.setAttribute('style', style);
  }

  function hideClutter(items, host) {
    const saved = [];
    if (!Array.isArray(items)) return saved;
    const seen = new Set();
    for (const item of items) {
      const sel = str(item?.selector);
      if (!sel) continue;
      let els;
      try {
        els = document.querySelectorAll(sel);
      } catch {
        continue; // not a valid selector here: nothing to hide
      }
      for (const el of els) {
        if (seen.has(el) || el === document.documentElement || el === document.body || el === document.head) continue;
        if (el.contains(host)) continue;
        seen.add(el);
        saved.push(saveStyle(el));
        el.style.setProperty('display', 'none', 'important');
      }
    }
    return saved;
  }

  // ---- styles --------------------------------------------------------------

  const CSS = `
:host { all: initial; }
.backdrop { position: fixed; inset: 0; display: flex; justify-content: center;
  background: var(--bg); color: var(--fg); }
.reader { --bg: #ffffff; --fg: #1b1b1b; --muted: #5f5f5f; --link: #0b57d0; --rule: #dcdcdc;
  --panel: #f3f3f3; --font: Georgia, 'Times New Roman', serif; --size: 19px; --lh: 1.6; --width: 40em;
  position: fixed; inset: 0; display: flex; flex-direction: column; background: var(--bg); color: var(--fg);
  font: normal var(--size)/var(--lh) var(--font); outline: none; }
.reader.inline { position: relative; inset: auto; height: 100%; }
.reader[data-theme="sepia"] { --bg: #f4ecd8; --fg: #4a3b2a; --muted: #7a6652; --link: #8a4b0f; --rule: #dccfb2; --panel: #ebe0c5; }
.reader[data-theme="dark"] { --bg: #1c1b22; --fg: #e6e4e1; --muted: #a9a6a0; --link: #8ab4f8; --rule: #3a3942; --panel: #2a2931; }
.reader[data-font="sans"] { --font: system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', sans-serif; }
.reader[data-font="mono"] { --font: ui-monospace, 'DejaVu Sans Mono', Menlo, Consolas, monospace; }
.reader[data-width="narrow"] { --width: 32em; }
.reader[data-width="wide"] { --width: 52em; }
.toolbar { display: flex; flex-wrap: wrap; gap: 6px 10px; align-items: center; padding: 8px 16px;
  background: var(--panel); border-bottom: 1px solid var(--rule);
  font: 14px/1.3 system-ui, sans-serif; color: var(--fg); }
.toolbar .brand { font-weight: 700; margin-right: auto; letter-spacing: .02em; }
.toolbar label { display: inline-flex; gap: 4px; align-items: center; }
.toolbar button, .toolbar select { font: inherit; color: var(--fg); background: var(--bg);
  border: 1px solid var(--rule); border-radius: 6px; padding: 3px 8px; min-height: 28px; cursor: pointer; }
.toolbar button[aria-pressed="true"] { outline: 2px solid var(--link); outline-offset: -2px; }
.toolbar :focus-visible, .reader a:focus-visible, summary:focus-visible { outline: 3px solid var(--link); outline-offset: 2px; }
.toolbar .close { font-size: 18px; line-height: 1; padding: 3px 10px; }
.toolbar .export { position: relative; display: inline-flex; gap: 8px; align-items: center; }
.export-menu { position: absolute; top: calc(100% + 4px); left: 0; z-index: 1; display: flex; flex-direction: column;
  min-width: 12em; padding: 4px; background: var(--bg); border: 1px solid var(--rule); border-radius: 8px;
  box-shadow: 0 4px 16px rgba(0, 0, 0, .18); }
.export-menu[hidden] { display: none; }
.toolbar .export-menu button { border: 0; border-radius: 4px; text-align: start; white-space: nowrap; }
.toolbar .export-menu button:hover, .toolbar .export-menu button:focus { background: var(--panel); }
.export-status { color: var(--muted); font-size: 13px; }
.export-status:empty { display: none; }
.scroller { flex: 1; overflow: auto; overscroll-behavior: contain; }
.page { max-width: var(--width); margin: 0 auto; padding: 24px 20px 64px; }
.attribution { font: 15px/1.45 system-ui, sans-serif; background: var(--panel); border: 1px solid var(--rule);
  border-radius: 8px; padding: 10px 14px; margin: 0 0 24px; }
.attribution p { margin: 0 0 4px; } .attribution p:last-child { margin: 0; }
.attribution .mirror { font-weight: 600; }
.attribution details { margin-top: 6px; } .attribution ul { margin: 6px 0 0; padding-left: 20px; }
.attribution .kind { font-family: ui-monospace, monospace; font-size: 13px; margin-right: 6px; color: var(--muted); }
h1.title { font-size: 1.7em; line-height: 1.2; margin: 0 0 12px; }
.meta { color: var(--muted); font: 15px/1.4 system-ui, sans-serif; margin: 0 0 24px; }
.meta span + span::before { content: " · "; }
.content { overflow-wrap: break-word; }
.content a { color: var(--link); }
.content img, .content picture, .content video { max-width: 100%; height: auto; }
.content figure { margin: 1.2em 0; } .content figcaption { color: var(--muted); font-size: .85em; }
.content pre { overflow: auto; padding: 12px; background: var(--panel); border-radius: 6px; font-size: .85em; line-height: 1.45; }
.content code, .content kbd, .content samp { font-family: ui-monospace, 'DejaVu Sans Mono', monospace; font-size: .9em; }
.content blockquote { margin: 1em 0; padding-left: 1em; border-left: 3px solid var(--rule); color: var(--muted); }
.content table { border-collapse: collapse; display: block; overflow-x: auto; max-width: 100%; font-size: .9em; }
.content th, .content td { border: 1px solid var(--rule); padding: 4px 8px; text-align: start; vertical-align: top; }
.content h1, .content h2, .content h3 { line-height: 1.25; }
.message { font: 17px/1.5 system-ui, sans-serif; margin-top: 12vh; }
.message h1 { font-size: 1.3em; margin: 0 0 8px; } .message .code { color: var(--muted); font-size: 14px; }
@media (prefers-reduced-motion: no-preference) { .reader { animation: fade .12s ease-out; } }
@keyframes fade { from { opacity: 0; } to { opacity: 1; } }
`;
  let sheet = null;
  function styleSheet() {
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(CSS);
    }
    return sheet;
  }

  // ---- the reader ----------------------------------------------------------

  /**
   * The export menu (issue 8): a menu button listing `actions` ({ key: { label } },
   * content/export.js), and a status line. `onExport(key, anchor)` does the work
   * and resolves to { ok, message }.
   */
  function exportMenu(actions, onExport) {
    const wrap = h('span', { class: 'export' });
    const button = h('button', { type: 'button', 'data-export-menu': '', 'aria-haspopup': 'menu', 'aria-expanded': 'false' }, 'Export');
    const menu = h('div', { class: 'export-menu', role: 'menu', 'aria-label': 'Export the article', hidden: true });
    const status = h('span', { class: 'export-status', role: 'status', 'aria-live': 'polite' });
    const items = () => [...menu.querySelectorAll('[role="menuitem"]')];
    // A press anywhere outside the menu closes it (listening only while open).
    const onOutside = (e) => {
      if (!e.composedPath().includes(wrap)) setOpen(false);
    };
    const setOpen = (open, focusButton = false) => {
      menu.hidden = !open;
      button.setAttribute('aria-expanded', String(open));
      if (open) document.addEventListener('pointerdown', onOutside, true);
      else document.removeEventListener('pointerdown', onOutside, true);
      if (open) items()[0]?.focus();
      else if (focusButton) button.focus();
    };
    for (const [key, a] of Object.entries(actions)) {
      const item = h('button', { type: 'button', role: 'menuitem', tabindex: '-1', 'data-export': key }, a.label);
      item.addEventListener('click', async () => {
        setOpen(false, true);
        status.dataset.state = 'busy';
        status.textContent = 'Exporting…';
        let r;
        try {
          r = await onExport(key, wrap);
        } catch (e) {
          r = { ok: false, message: `Export failed (${e?.message ?? e})` };
        }
        status.dataset.state = r?.ok ? 'done' : 'failed';
        status.dataset.via = r?.via ?? '';
        status.textContent = String(r?.message ?? '');
      });
      menu.append(item);
    }
    button.addEventListener('click', () => setOpen(menu.hidden));
    // Arrow keys move through the items; Esc is handled by open() (it closes the
    // menu before the reader); focus moving to something outside closes it (not
    // focus merely lost: clicking a button does not focus it on every platform).
    menu.addEventListener('keydown', (e) => {
      const list = items();
      const i = list.indexOf(e.target);
      let next = null;
      if (e.key === 'ArrowDown') next = list[(i + 1) % list.length];
      else if (e.key === 'ArrowUp') next = list[(i - 1 + list.length) % list.length];
      else if (e.key === 'Home') next = list[0];
      else if (e.key === 'End') next = list[list.length - 1];
      if (next) {
        e.preventDefault();
        next.focus();
      }
    });
    wrap.addEventListener('focusout', (e) => {
      if (!menu.hidden && e.relatedTarget && !wrap.contains(e.relatedTarget)) setOpen(false);
    });
    menu.addEventListener('unmirror-close-menu', () => setOpen(false, true));
    wrap.append(button, menu, status);
    return wrap;
  }

  function toolbar(settings, apply, close, onExport) {
    const S = ns.settings;
    const bar = h('div', { class: 'toolbar', role: 'toolbar', 'aria-label': 'Reader settings' });
    bar.append(h('span', { class: 'brand', 'aria-hidden': 'true' }, 'unmirror'));
    if (settings) {
      const themes = h('span', { role: 'group', 'aria-label': 'Theme' });
      for (const t of S.CHOICES.theme) {
        const b = h('button', { type: 'button', 'data-theme': t, 'aria-pressed': String(settings.theme === t) },
          t[0].toUpperCase() + t.slice(1));
        b.addEventListener('click', () => {
          for (const o of themes.children) o.setAttribute('aria-pressed', String(o === b));
          apply({ theme: t });
        });
        themes.append(b);
      }
      bar.append(themes);
      const select = (key, label, options) => {
        const s = h('select', { 'data-setting': key });
        for (const [value, text] of options) {
          s.append(h('option', { value: String(value), selected: settings[key] === value }, text));
        }
        s.addEventListener('change', () => {
          const v = options.find(([value]) => String(value) === s.value)?.[0];
          if (v !== undefined) apply({ [key]: v });
        });
        return h('label', {}, label, s);
      };
      bar.append(select('font', 'Font', [['serif', 'Serif'], ['sans', 'Sans'], ['mono', 'Mono']]));
      const size = h('span', { role: 'group', 'aria-label': 'Text size' });
      const step = (d) => () => {
        const n = Math.min(S.SIZE_MAX, Math.max(S.SIZE_MIN, settings.size + d));
        apply({ size: n });
      };
      size.append(
        h('button', { type: 'button', 'data-setting': 'smaller', 'aria-label': 'Smaller text', onclick: step(-S.SIZE_STEP) }, 'A−'),
        h('button', { type: 'button', 'data-setting': 'larger', 'aria-label': 'Larger text', onclick: step(S.SIZE_STEP) }, 'A+'),
      );
      bar.append(size);
      bar.append(select('width', 'Width', [['narrow', 'Narrow'], ['medium', 'Medium'], ['wide', 'Wide']]));
      bar.append(select('line_height', 'Spacing', S.CHOICES.line_height.map((v) => [v, v.toFixed(1)])));
    }
    if (onExport && ns.exporter) bar.append(exportMenu(ns.exporter.ACTIONS, onExport));
    if (close) bar.append(h('button', { type: 'button', class: 'close', 'aria-label': 'Close reader (Esc)', onclick: close }, '×'));
    return bar;
  }

  function applySettings(reader, s) {
    reader.dataset.theme = s.theme;
    reader.dataset.font = s.font;
    reader.dataset.width = s.width;
    reader.style.setProperty('--size', `${s.size}px`);
    reader.style.setProperty('--lh', String(s.line_height));
  }

  function articleView(article, pageUrl) {
    const page = h('div', { class: 'page' });
    page.append(attributionStrip(article, pageUrl));
    const lang = str(article.lang);
    const dir = str(article.dir);
    const art = h('article', {
      lang: lang && /^[A-Za-z0-9-]{1,35}$/.test(lang) ? lang : null,
      dir: dir && /^(ltr|rtl|auto)$/.test(dir) ? dir : null,
    });
    const title = str(article.title) ?? document.title ?? '';
    const meta = h('p', { class: 'meta' });
    const bits = [
      str(article.byline),
      formatDate(article.published),
      str(article.site_name) ?? hostname(pageUrl),
      Number.isInteger(article.reading_minutes) && article.reading_minutes > 0
        ? `${article.reading_minutes} min read`
        : null,
    ];
    for (const b of bits) if (b) meta.append(h('span', {}, b));
    art.append(h('header', {}, h('h1', { class: 'title', id: 'unmirror-title' }, title), meta));
    const content = h('div', { class: 'content' });
    const [first, ...rest] = sliceHtml(article.content_html);
    content.append(buildContent(first.html));
    const cancel = rest.length ? renderRest(content, rest) : null;
    if (!rest.length) content.dataset.render = 'complete';
    art.append(content);
    page.append(art);
    return { page, title, cancel };
  }

  function messageView(result) {
    const code = result.error?.code ?? 'internal';
    const page = h('div', { class: 'page' });
    const box = h('div', { class: 'message', role: 'status' });
    if (code === 'no_content') {
      box.append(
        h('h1', { id: 'unmirror-title' }, 'No article found on this page'),
        h('p', {}, 'unmirror shows a reader view for pages built around one article, such as a news story or a blog post. This page does not seem to have one.'),
      );
    } else {
      box.append(
        h('h1', { id: 'unmirror-title' }, 'unmirror could not read this page'),
        h('p', {}, 'The page was left as it was. You can close this and keep reading.'),
        h('p', { class: 'code' }, `(${code})`),
      );
    }
    page.append(box);
    return { page, title: null };
  }

  /** The fragment id when `href` points into the page itself, else null. */
  function inPageTarget(href, pageUrl) {
    if (href.startsWith('#')) return href.slice(1);
    try {
      const u = new URL(href);
      const here = new URL(pageUrl);
      const same = u.origin === here.origin && u.pathname === here.pathname && u.search === here.search;
      return same && u.hash ? u.hash.slice(1) : null;
    } catch {
      return null;
    }
  }

  /**
   * The reader element (toolbar + attribution + article, or a message), with its
   * settings applied and wired. `close` adds a close button; `inline` makes it a
   * block for a page layout (the demo) instead of a full-viewport layer.
   */
  function buildReader(result, settings, pageUrl, { close = null, onSettings = null, onExport = null, inline = false } = {}) {
    const reader = h('div', { class: inline ? 'reader inline' : 'reader', role: inline ? 'region' : 'dialog', tabindex: '-1' });
    if (!inline) reader.setAttribute('aria-modal', 'true');
    const current = result.ok ? { ...(settings ?? ns.settings.DEFAULTS) } : null;
    const apply = (patch) => {
      Object.assign(current, patch);
      applySettings(reader, current);
      const smaller = reader.querySelector('[data-setting="smaller"]');
      const larger = reader.querySelector('[data-setting="larger"]');
      if (smaller) smaller.disabled = current.size <= ns.settings.SIZE_MIN;
      if (larger) larger.disabled = current.size >= ns.settings.SIZE_MAX;
      onSettings?.({ ...current });
    };
    const view = result.ok ? articleView(result.article, pageUrl) : messageView(result);
    reader.setAttribute('aria-label', view.title ? `Reader view: ${view.title}` : 'unmirror reader');
    reader.append(toolbar(current, apply, close, result.ok ? onExport : null), h('div', { class: 'scroller' }, view.page));
    // In-article links to "#id" (footnotes): scroll inside the reader rather than
    // change the page's URL.
    reader.addEventListener('click', (e) => {
      const a = e.composedPath().find((n) => n.localName === 'a');
      const id = a ? inPageTarget(a.getAttribute('href') ?? '', pageUrl) : null;
      if (id === null) return;
      e.preventDefault();
      let target = null;
      try {
        target = reader.getRootNode().getElementById(decodeURIComponent(id));
      } catch {
        /* malformed escape */
      }
      target?.scrollIntoView({ block: 'start' });
    });
    applySettings(reader, current ?? ns.settings.DEFAULTS);
    if (view.cancel) pendingRender.set(reader, view.cancel);
    return reader;
  }

  const FOCUSABLE = 'a[href], button, select, summary, [tabindex]:not([tabindex="-1"])';

  /**
   * Open the reader. `result` is a core Result (messages.js). Returns a handle
   * with `close()`; `onClose` runs after the page is restored.
   */
  function open({ result, settings, pageUrl, onClose, onSettings, onExport, onAlwaysClean = null, autoListed = null, onAutoOff = null }) {
    const before = {
      scrollX: window.scrollX,
      scrollY: window.scrollY,
      focus: document.activeElement,
      html: saveStyle(document.documentElement),
      body: document.body ? saveStyle(document.body) : null,
    };

    const host = document.createElement(HOST_TAG);
    // Inline !important beats any page rule aimed at unknown elements.
    for (const [k, v] of [['all', 'initial'], ['position', 'fixed'], ['inset', '0'], ['z-index', '2147483647'], ['display', 'block']]) {
      host.style.setProperty(k, v, 'important');
    }
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.adoptedStyleSheets = [styleSheet()];

    let closed = false;
    let clutter = [];
    // Export acts on this reader's Article only, whoever opened it.
    const exportArticle =
      onExport ?? (ns.exporter && result.ok ? (key, anchor) => ns.exporter.run(key, result.article, pageUrl, anchor) : null);
    const reader = buildReader(result, settings, pageUrl, { close: () => close(), onSettings, onExport: exportArticle });
    shadow.append(reader);
    // A mirror on no known list: say so and offer to clean the site from now on.
    const strip = onAlwaysClean && shadow.querySelector('[data-unmirror="attribution"]');
    if (strip) {
      const btn = h('button', { type: 'button', 'data-unmirror': 'always-clean' }, 'Always clean this site');
      btn.addEventListener('click', () => {
        btn.disabled = true;
        onAlwaysClean();
      });
      strip.append(h('p', { class: 'offer' }, 'This site is on none of your lists. ', btn));
    }
    // Opened on load on a listed site: say why, and offer the per-site switch.
    const listedStrip = autoListed && onAutoOff && shadow.querySelector('[data-unmirror="attribution"]');
    if (listedStrip) {
      const line = Number.isInteger(autoListed.line) ? `, line ${autoListed.line}` : '';
      const btn = h('button', { type: 'button', 'data-unmirror': 'auto-off' }, 'Stop cleaning this site on load');
      const p = h('p', { class: 'listed' }, `Cleaned on load: listed in ${str(autoListed.list) ?? 'a list'} (rule ${str(autoListed.rule) ?? '?'}${line}). `, btn);
      btn.addEventListener('click', () => {
        btn.disabled = true;
        Promise.resolve(onAutoOff()).then((ok) => p.replaceChildren(ok ? 'Auto-clean is off for this site (switch it back on in the options).' : 'Could not change the setting.'));
      });
      listedStrip.append(p);
    }

    // Keys: Esc closes; Tab stays inside the dialog; nothing typed in the reader
    // reaches page shortcuts.
    const onKey = (e) => {
      if (closed) return;
      if (e.key === 'Escape') {
        e.preventDefault();
        e.stopImmediatePropagation();
        const menu = shadow.querySelector('[role="menu"]:not([hidden])');
        if (menu) menu.dispatchEvent(new Event('unmirror-close-menu'));
        else close();
      } else if (e.key === 'Tab') {
        const items = [...shadow.querySelectorAll(FOCUSABLE)].filter((n) => !n.disabled && n.getClientRects().length);
        if (!items.length) return;
        const first = items[0];
        const last = items[items.length - 1];
        const active = shadow.activeElement;
        if (e.shiftKey && (active === first || active === reader || !active)) {
          e.preventDefault();
          last.focus();
        } else if (!e.shiftKey && (active === last || !active)) {
          e.preventDefault();
          first.focus();
        }
      }
    };
    window.addEventListener('keydown', onKey, true);
    const stop = (e) => e.stopPropagation();
    for (const t of ['keydown', 'keyup', 'keypress']) host.addEventListener(t, stop);

    // Apply the page changes last, after everything that could throw.
    document.documentElement.append(host);
    document.documentElement.style.setProperty('overflow', 'hidden', 'important');
    document.body?.style.setProperty('overflow', 'hidden', 'important');
    if (result.ok) clutter = hideClutter(result.article.clutter, host);
    reader.focus({ preventScroll: true });

    function close() {
      if (closed) return;
      closed = true;
      pendingRender.get(reader)?.();
      window.removeEventListener('keydown', onKey, true);
      host.remove();
      for (let i = clutter.length - 1; i >= 0; i--) restoreStyle(clutter[i]);
      if (before.body) restoreStyle(before.body);
      restoreStyle(before.html);
      window.scrollTo({ left: before.scrollX, top: before.scrollY, behavior: 'instant' });
      if (before.focus && before.focus !== document.body && before.focus.isConnected && typeof before.focus.focus === 'function') {
        before.focus.focus({ preventScroll: true });
      } else if (document.activeElement && document.activeElement !== document.body) {
        document.activeElement.blur?.();
      }
      onClose?.();
    }

    return { host, close, result, pageUrl, get closed() { return closed; } };
  }

  ns.overlay = Object.freeze({ open, buildReader, buildContent, sliceHtml, appendSlice, styleSheet, confidenceWords, HOST_TAG });
})();
