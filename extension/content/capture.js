// Capture the page as the reader sees it, as an HTML string for the core.
//
// A plain `outerHTML` would send what the page's markup says; the live page
// knows more. This walk serialises the live DOM (content inserted by scripts
// included) and adds what only the live page knows, in the copy only:
//   - elements hidden by CSS (`display: none`, `visibility: hidden|collapse`) get
//     the `hidden` attribute, which the core treats as invisible;
//   - images get `src` = `currentSrc` (what the browser actually chose/loaded:
//     srcset, <picture>, lazy loaders that set srcset);
//   - the URL is the current one (after pushState navigations).
// It also leaves out what the core never reads, to cut the copy and the parse
// (on news pages the copy is 15-40% of outerHTML):
//   - comments, bodies of executable scripts (JSON-LD is kept: it is metadata),
//     styles, SVG drawings and templates;
//   - in <head>, everything but the title, <meta>, <base>, JSON-LD and the
//     metadata <link>s (canonical, author…): no stylesheets, preloads, scripts;
//   - on images the browser has already chosen a source for, the alternatives
//     (srcset/sizes on the <img>, srcset/sizes/media on its <picture> sources):
//     `src` says which one is shown;
//   - `style` attributes (what they hide is marked `hidden` from the computed
//     style, which also sees stylesheets) and, on the elements written tag by
//     tag (below), `on*` event handler attributes (the core never reads them;
//     in subtrees copied whole they stay).
// Every element of <body> is kept, so positions and selectors computed on the
// copy still point at the same live elements.
//
// The live page is only read, never written. The walk is iterative (no
// recursion: pages nest thousands deep).
(function () {
  'use strict';
  const ns = (globalThis.unmirror ??= {});
  if (ns.capture) return;

  const VOID = new Set([
    'area', 'base', 'basefont', 'bgsound', 'br', 'col', 'embed', 'frame', 'hr', 'img',
    'input', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr',
  ]);
  // Children of these are raw text in HTML: written unescaped, as outerHTML does.
  const RAW_TEXT = new Set(['style', 'script', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript', 'plaintext']);
  // Elements kept, children dropped.
  const DROP_BODY = new Set(['style', 'svg', 'template']);
  // Never rendered as boxes by design; checking them would mark them hidden and
  // lose e.g. <picture><source> or <noscript> lazy-image fallbacks.
  const NO_CHECK = new Set([
    'area', 'base', 'br', 'col', 'colgroup', 'datalist', 'link', 'map', 'meta', 'noscript',
    'optgroup', 'option', 'param', 'script', 'source', 'style', 'template', 'title', 'track', 'wbr',
  ]);
  const DATA_SCRIPT = /^\s*application\/ld\+json\s*$/i;
  const META_LINK = /(^|\s)(canonical|author|publisher|alternate|amphtml|license|shortlink|image_src)(\s|$)/i;
  const ALTERNATIVES = new Set(['srcset', 'sizes', 'media']);

  /** In <head>, is this element metadata the core may read? */
  function headKeeps(el, name) {
    if (name === 'title' || name === 'meta' || name === 'base') return true;
    if (name === 'link') return META_LINK.test(el.getAttribute('rel') ?? '');
    if (name === 'script') return DATA_SCRIPT.test(el.getAttribute('type') ?? '');
    return false;
  }

  /** The source the browser chose for an <img>, or '' when it has none (yet). */
  function chosenSrc(img) {
    const cur = img?.currentSrc;
    return cur && !cur.startsWith('data:') ? cur : '';
  }

  const escText = (s) =>
    /[&<>\u00a0]/.test(s)
      ? s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\u00a0/g, '&nbsp;')
      : s;
  const escAttr = (s) =>
    /[&"\u00a0]/.test(s) ? s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/\u00a0/g, '&nbsp;') : s;

  function cssHidden(el) {
    // checkVisibility is cheaper than a computed style; when it says "not
    // visible" the element may just have no box of its own (display: contents),
    // so the computed style decides.
    if (typeof el.checkVisibility === 'function' && el.checkVisibility({ visibilityProperty: true })) {
      return false;
    }
    const cs = getComputedStyle(el);
    return cs.display === 'none' || cs.visibility === 'hidden' || cs.visibility === 'collapse';
  }

  /**
   * Serialise `doc`'s live DOM. `skip` is an element left out entirely (our own
   * overlay host, if present).
   *
   * Two passes. The survey visits every node once: it checks visibility, finds
   * what the copy must change (hidden marks, image sources, dropped bodies and
   * attributes, comments, `skip`), and marks those elements and their
   * ancestors. The writer then copies every unmarked subtree with one
   * `outerHTML` (the browser's own serialiser, the same escaping as ours) and
   * writes only the marked elements tag by tag, without the per-attribute
   * calls of a full walk. Measured in Chromium on 47 corpus pages: the copy is
   * the same (but for the `on*` attributes of whole subtrees, and `>` written
   * `&gt;` in attribute values) in 0.89-0.91x the time (median of per-page
   * ratios); the visibility checks, one per element, are most of what is left.
   * @returns {{ html: string, url: string, stats: { elements: number, hidden: number, images: number, chars: number, ms: number } }}
   */
  function capture(doc = document, skip = null) {
    const t0 = performance.now();
    const stats = { elements: 0, hidden: 0, images: 0, chars: 0, ms: 0 };
    const plan = survey(doc, skip, stats);
    const html = write(doc, skip, plan);
    stats.chars = html.length;
    stats.ms = performance.now() - t0;
    return { html, url: doc.location?.href ?? '', stats };
  }

  /**
   * Pass 1. Returns `marked` (elements written tag by tag: those the copy
   * changes and their ancestors), `hidden` (elements to mark `hidden`) and
   * `src` (img → the source to write instead of its `src`).
   */
  function survey(doc, skip, stats) {
    const marked = new Set();
    const hidden = new Set();
    const src = new Map();
    const root = doc.documentElement;
    if (!root) return { marked, hidden, src };
    const body = doc.body;
    const head = doc.head;
    const mark = (el) => {
      while (el && !marked.has(el)) {
        marked.add(el);
        el = el.parentNode;
      }
    };
    // <head> is always written tag by tag (only its metadata is kept).
    if (head) mark(head);
    let hiddenRoot = null; // topmost hidden ancestor of the current node, if any
    let node = root;
    walk: while (node) {
      let descend = false;
      const type = node.nodeType;
      if (type === 1) {
        const name = node.localName;
        if (node === skip) {
          mark(node.parentNode);
        } else if (node === head) {
          stats.elements += 1 + head.getElementsByTagName('*').length;
        } else {
          stats.elements++;
          let changed = false;
          if (name === 'img') {
            const cur = chosenSrc(node);
            if (cur !== '') {
              if (cur !== node.getAttribute('src')) {
                src.set(node, cur);
                stats.images++;
                changed = true;
              }
              changed ||= node.hasAttribute('srcset') || node.hasAttribute('sizes');
            }
          } else if (name === 'source') {
            changed = node.parentNode?.localName === 'picture';
          } else if (name === 'script') {
            changed = !DATA_SCRIPT.test(node.getAttribute('type') ?? '') && node.firstChild !== null;
          } else if (DROP_BODY.has(name)) {
            // (A <template>'s content is not among its children.)
            changed = true;
          }
          if (node.hasAttribute('style')) changed = true;
          if (hiddenRoot === null && node !== body && node !== root && !NO_CHECK.has(name)) {
            if (node.hasAttribute('hidden')) {
              hiddenRoot = node;
            } else if (cssHidden(node)) {
              hidden.add(node);
              stats.hidden++;
              hiddenRoot = node;
              changed = true;
            }
          }
          if (changed) mark(node);
          descend = node.firstChild !== null && !VOID.has(name) && !DROP_BODY.has(name) && name !== 'script';
        }
      } else if (type === 8 || type === 7) {
        // Comments and processing instructions are left out.
        mark(node.parentNode);
      }
      if (descend) {
        node = node.firstChild;
        continue;
      }
      while (node !== root) {
        if (node === hiddenRoot) hiddenRoot = null;
        if (node.nextSibling) {
          node = node.nextSibling;
          continue walk;
        }
        node = node.parentNode;
      }
      break;
    }
    return { marked, hidden, src };
  }

  /** Pass 2: the copy. */
  function write(doc, skip, { marked, hidden, src }) {
    const out = [];
    if (doc.doctype) out.push('<!DOCTYPE html>');
    const root = doc.documentElement;
    if (!root) return out.join('');
    const head = doc.head;
    let inHead = false;
    let node = root;
    walk: while (node) {
      let descend = false;
      if (node.nodeType === 1 && node !== skip && !(inHead && !headKeeps(node, node.localName))) {
        if (!marked.has(node)) {
          out.push(node.outerHTML);
        } else {
          const name = node.localName;
          if (node === head) inHead = true;
          out.push('<', name);
          const srcOverride = src.get(node) ?? null;
          let dropAlternatives = false;
          if (name === 'img') {
            dropAlternatives = chosenSrc(node) !== '';
          } else if (name === 'source' && node.parentNode?.localName === 'picture') {
            dropAlternatives = chosenSrc(node.parentNode.querySelector('img')) !== '';
          }
          // getAttributeNames + getAttribute: iterating `attributes` makes the
          // browser create an Attr object per attribute (3-4x slower on a first walk).
          for (const a of node.getAttributeNames()) {
            if (srcOverride !== null && a === 'src') continue;
            if (dropAlternatives && ALTERNATIVES.has(a)) continue;
            if (a === 'style' || a.startsWith('on')) continue;
            out.push(' ', a, '="', escAttr(node.getAttribute(a)), '"');
          }
          if (srcOverride !== null) out.push(' src="', escAttr(srcOverride), '"');
          if (hidden.has(node)) out.push(' hidden=""');
          out.push('>');
          if (!VOID.has(name)) {
            const keepBody =
              !DROP_BODY.has(name) && (name !== 'script' || DATA_SCRIPT.test(node.getAttribute('type') ?? ''));
            if (keepBody && node.firstChild) descend = true;
            else out.push('</', name, '>');
          }
        }
      } else if (node.nodeType === 3) {
        const parent = node.parentNode;
        out.push(parent && RAW_TEXT.has(parent.localName) ? node.data : escText(node.data));
      }
      // Comments, processing instructions and the skipped element: nothing.

      if (descend) {
        node = node.firstChild;
        continue;
      }
      // Next node in document order, closing the elements we climb out of.
      while (node !== root) {
        if (node.nextSibling) {
          node = node.nextSibling;
          continue walk;
        }
        node = node.parentNode;
        out.push('</', node.localName, '>');
        if (node === head) inHead = false;
      }
      break;
    }
    return out.join('');
  }

  ns.capture = Object.freeze({ capture });
})();
