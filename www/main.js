// The demo: load a sample (or pasted HTML), run the core, show the original
// (sandboxed), the reader view (the extension's own renderer) and the core's
// JSON and evidence. No bundler: the wasm-bindgen `--target web` glue is an
// ES module in pkg/ (build output).
import init, { clean, version } from './pkg/unmirror.js';

const $ = (id) => document.getElementById(id);
const { overlay, settings } = globalThis.unmirror;
const status = (text, error = false) => {
  $('status').textContent = text;
  $('status').className = error ? 'error' : '';
};

let samples = [];

function show(html, url) {
  // The original, with scripts off: sandbox="" gives it an opaque origin and no
  // script execution; srcdoc keeps it local.
  $('original').srcdoc = html;
  const t0 = performance.now();
  let result;
  try {
    result = { ok: true, article: clean(html, url, undefined) };
  } catch (e) {
    // After a panic the glue swaps in a fresh instance on its next call: let a
    // call without strings do it (see extension/lib/core.js).
    if (e instanceof WebAssembly.RuntimeError) {
      try {
        version();
      } catch {
        // the next call tries again
      }
    }
    const m = /^([a-z_]+): ([\s\S]*)$/.exec(String(e?.message ?? e));
    result = { ok: false, error: m ? { code: m[1], message: m[2] } : { code: 'internal', message: String(e) } };
  }
  const ms = performance.now() - t0;

  const host = $('reader');
  const shadow = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
  shadow.adoptedStyleSheets = [overlay.styleSheet()];
  shadow.replaceChildren(overlay.buildReader(result, settings.DEFAULTS, url, { inline: true }));

  if (result.ok) {
    const a = result.article;
    status(`Cleaned in ${ms.toFixed(1)} ms: “${a.title}”, ${a.word_count} words.`);
  } else {
    status(`${result.error.code}: ${result.error.message} (${ms.toFixed(1)} ms)`, true);
  }
  $('json').textContent = JSON.stringify(result.ok ? result.article : result.error, null, 2);
  showEvidence(result.ok ? result.article : null);
}

function list(title, items, fmt) {
  if (!Array.isArray(items) || !items.length) return null;
  const box = document.createElement('div');
  const h = document.createElement('h3');
  h.textContent = title;
  const ul = document.createElement('ul');
  for (const it of items) {
    const li = document.createElement('li');
    li.textContent = fmt(it);
    ul.append(li);
  }
  box.append(h, ul);
  return box;
}

function showEvidence(a) {
  const parts = [];
  if (a) {
    const ev = (e) => `${e.kind ?? ''}: ${e.text ?? e.reason ?? ''}${e.points_to ? ` → ${e.points_to}` : ''}`;
    if (a.mirror) {
      parts.push(list(`Mirror: ${a.mirror.is_mirror ? 'yes' : 'no'} (confidence ${a.mirror.confidence ?? '?'}, family ${a.mirror.family ?? '-'})`,
        a.mirror.evidence, ev));
    }
    if (a.attribution) {
      parts.push(list(`Attribution: ${a.attribution.publisher ?? 'unknown'} ${a.attribution.original_url ?? ''}`,
        a.attribution.evidence, ev));
    }
    parts.push(list('Clutter hidden', a.clutter, (c) => `${c.kind}: ${c.selector} (${c.reason}, ${c.text_chars} chars)`));
  }
  const found = parts.filter(Boolean);
  $('evidence').replaceChildren(...found);
  if (!found.length) $('evidence').textContent = a ? 'No mirror, attribution or clutter evidence in this result.' : '';
}

async function loadSample(id) {
  const s = samples.find((x) => x.id === id);
  if (!s) return;
  const res = await fetch(`pkg/samples/${encodeURIComponent(s.id)}.html`);
  const html = await res.text();
  $('url').value = s.url ?? '';
  $('paste').value = '';
  show(html, s.url ?? '');
}

async function main() {
  // The core reads the local-paper table from here (kept out of the wasm, see src/wasm.rs).
  const [, localNews] = await Promise.all([
    init({ module_or_path: new URL('./pkg/unmirror_bg.wasm', import.meta.url) }),
    fetch('pkg/local_news.tsv').then((r) => (r.ok ? r.text() : undefined)),
  ]);
  globalThis.unmirror.localNews = localNews;
  $('version').textContent = `core ${version()}`;
  samples = await (await fetch('pkg/samples/index.json')).json();
  for (const s of samples) {
    const o = document.createElement('option');
    o.value = s.id;
    o.textContent = `${s.id}: ${s.title}`;
    $('sample').append(o);
  }
  $('sample').addEventListener('change', () => loadSample($('sample').value));
  $('controls').addEventListener('submit', async (e) => {
    e.preventDefault();
    const pasted = $('paste').value;
    if (pasted.trim()) show(pasted, $('url').value.trim());
    else await loadSample($('sample').value);
  });
  if (samples.length) await loadSample(samples[0].id);
  document.documentElement.dataset.ready = 'true';
}

main().catch((e) => status(`The demo could not start: ${e?.message ?? e}`, true));
