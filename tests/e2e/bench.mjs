// The speed and size benchmark (`./build.sh bench`; not a test: timings are
// machine-bound). What it measures:
//
// - Chromium (headless, playwright-core): for each page of the readability and
//   wcxb-dev corpora served from 127.0.0.1, unmirror's whole in-page work as the
//   extension does it (toolbar click → live-DOM capture + wasm clean in the
//   content script; the timings the content script records) against
//   Readability.js (`new Readability(document.cloneNode(true)).parse()`, what
//   Firefox's reader view runs) on the same loaded page. One warm-up of each,
//   then REPS (default 5) alternating repetitions; a page's time is the median
//   of its repetitions. Per corpus: median and p95 of both, and the median of
//   the per-page ratios. "first" (the first open on a page, which includes
//   compiling the wasm) is printed apart.
// - Natively: unmirror against dom_smoothie (`cargo bench --bench native`).
// - Size: the shipped .wasm raw and gzip -9, and each zipped package (dist/*.zip).
// - Memory: the wasm linear memory after cleaning the largest corpus page in a
//   fresh instance (memory only grows, so that is its peak).
//
// The last line is
//   BENCH chromium_median_ratio=R1 chromium_p95_ratio=R2 native_ratio=R3 wasm_gzip_bytes=N peak_wasm_mib=M
// R1 = the larger over the corpora of the median per-page ratio unmirror/Readability.js,
// R2 = the larger of p95(unmirror)/p95(Readability.js), R3 = unmirror's median / dom_smoothie's.
//
// Environment: REPS (default 5); SAMPLE=n to time only n evenly spaced pages per
// corpus (printed when used); NATIVE_FROM=file to reuse the saved output of an
// earlier `cargo bench --bench native` instead of running it.
// Arguments: `dataset/id ...` to time only those pages (no BENCH line then).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { startServer, sharedDir, REPO } from './server.mjs';
import { launchChromium, toggle } from './chromium-lib.mjs';

const REPS = Math.max(1, Number(process.env.REPS ?? 5));
const SAMPLE = Number(process.env.SAMPLE ?? 0);
const CORPORA = ['readability', 'wcxb-dev'];
const ONLY = process.argv.slice(2);

const shared = sharedDir();
if (!shared) {
  console.log('bench: the shared corpus is absent (../shared or UNMIRROR_SHARED); nothing to measure');
  process.exit(0);
}
const require = createRequire(import.meta.url);
const READABILITY = fs.readFileSync(path.join(path.dirname(require.resolve('@mozilla/readability')), 'Readability.js'), 'utf8');

const sorted = (xs) => [...xs].sort((a, b) => a - b);
const pct = (xs, p) => {
  const s = sorted(xs);
  return s.length ? s[Math.round((s.length - 1) * p)] : NaN;
};
const median = (xs) => pct(xs, 0.5);
const f = (x, w = 7) => x.toFixed(1).padStart(w);

function corpusPages(corpus) {
  const dir = path.join(shared, 'corpus', corpus);
  const ids = fs
    .readdirSync(dir)
    .filter((id) => fs.existsSync(path.join(dir, id, 'source.html')))
    .sort();
  if (!SAMPLE || SAMPLE >= ids.length) return ids.map((id) => `${corpus}/${id}`);
  const step = ids.length / SAMPLE;
  return Array.from({ length: SAMPLE }, (_, i) => `${corpus}/${ids[Math.floor(i * step)]}`);
}

async function readabilityOnce(page) {
  return page.evaluate(() => {
    const t0 = performance.now();
    const article = new Readability(document.cloneNode(true)).parse();
    return { ms: performance.now() - t0, ok: !!article };
  });
}

/** Time one page: { ours, theirs, first } in ms (medians of REPS), or null when the reader failed. */
async function timePage(b, server, id) {
  await b.page.goto(`${server.origin}/corpus/${id}/source.html`, { waitUntil: 'load' });
  await b.page.evaluate(READABILITY + '\n;globalThis.Readability = Readability;');
  const ours = [];
  const theirs = [];
  const capture = [];
  let first = null;
  let route = '';
  // Warm-up (i = 0) then REPS, alternating, so load from elsewhere on the
  // machine hits both alike.
  for (let i = 0; i <= REPS; i++) {
    const res = await toggle(b.sw, b.page);
    if (res.state !== 'open') throw new Error(`${id}: reader did not open: ${JSON.stringify(res)}`);
    await toggle(b.sw, b.page);
    // The route the extension takes on this page: the content script, or the
    // service worker when the page's CSP forbids compiling wasm (both count).
    if (res.route !== 'content' && res.route !== 'worker') return { skipped: `route ${res.route}` };
    route = res.route;
    const ms = res.timings.capture + res.timings.clean;
    if (i === 0) first = ms;
    else {
      ours.push(ms);
      capture.push(res.timings.capture);
    }
    const r = await readabilityOnce(b.page);
    if (i > 0) theirs.push(r.ms);
  }
  return { ours: median(ours), theirs: median(theirs), first, capture: median(capture), route };
}

function nativeRatio() {
  const r = process.env.NATIVE_FROM
    ? { stdout: fs.readFileSync(process.env.NATIVE_FROM, 'utf8'), stderr: `(from ${process.env.NATIVE_FROM})` }
    : spawnSync('cargo', ['bench', '--bench', 'native'], {
        cwd: REPO,
        env: { ...process.env, UNMIRROR_SHARED: shared },
        encoding: 'utf8',
        maxBuffer: 1 << 24,
      });
  const lines = (r.stdout ?? '').split('\n').filter((l) => l.trim());
  // R3 over the two corpora the Chromium half times (the native bench also
  // prints mirrors/dev and its own overall line).
  const ratios = CORPORA.map((c) => {
    const m = new RegExp(`^${c}\\s.*ratio of medians=([\\d.]+)`, 'm').exec(r.stdout ?? '');
    return m ? Number(m[1]) : NaN;
  });
  const ratio = Math.max(...ratios);
  return { ratio, lines: Number.isNaN(ratio) ? [...lines, (r.stderr ?? '').slice(-2000)] : lines };
}

async function peakMemory() {
  // The largest page of the corpora, cleaned once in a fresh instance (Node).
  let largest = null;
  for (const corpus of CORPORA) {
    const dir = path.join(shared, 'corpus', corpus);
    for (const id of fs.readdirSync(dir)) {
      const file = path.join(dir, id, 'source.html');
      if (!fs.existsSync(file)) continue;
      const bytes = fs.statSync(file).size;
      if (!largest || bytes > largest.bytes) largest = { id: `${corpus}/${id}`, file, bytes };
    }
  }
  const glue = await import(pathToFileURL(path.join(REPO, 'target/pkg/web/unmirror.js')).href);
  const wasm = glue.initSync({ module: fs.readFileSync(path.join(REPO, 'target/pkg/web/unmirror_bg.wasm')) });
  const before = wasm.memory.buffer.byteLength;
  const html = fs.readFileSync(largest.file, 'utf8');
  let meta = {};
  try {
    meta = JSON.parse(fs.readFileSync(path.join(path.dirname(largest.file), 'meta.json'), 'utf8'));
  } catch {}
  let ok = true;
  try {
    glue.clean(html, meta.url ?? '', undefined);
  } catch {
    ok = false;
  }
  const after = wasm.memory.buffer.byteLength;
  return { ...largest, chars: html.length, before, after, ok };
}

function sizes() {
  const file = path.join(REPO, 'target/pkg/web/unmirror_bg.wasm');
  const wasm = fs.readFileSync(file);
  // `gzip -9c FILE` exactly as build.sh measures it (zlib's level 9 differs by a few KB).
  const cli = spawnSync('gzip', ['-9c', file], { maxBuffer: 1 << 26 });
  const gzip = cli.status === 0 ? cli.stdout.length : zlib.gzipSync(wasm, { level: 9 }).length;
  const zips = fs.existsSync(path.join(REPO, 'dist'))
    ? fs.readdirSync(path.join(REPO, 'dist')).filter((n) => n.endsWith('.zip')).sort()
    : [];
  return { raw: wasm.length, gzip, zips: zips.map((n) => ({ name: n, bytes: fs.statSync(path.join(REPO, 'dist', n)).size })) };
}

// ---- Chromium -----------------------------------------------------------------
const groups = ONLY.length ? [['pages', ONLY]] : CORPORA.map((c) => [c, corpusPages(c)]);
const server = await startServer();
const b = await launchChromium(server);
const results = new Map();
try {
  // Start the service worker's core once, as an earlier page would have.
  await b.page.goto(`${server.origin}/csp/pages/article.html`);
  await toggle(b.sw, b.page);
  await toggle(b.sw, b.page);
  for (const [name, ids] of groups) {
    const rows = [];
    for (const id of ids) {
      try {
        const r = await timePage(b, server, id);
        if (r.skipped) console.log(`bench: ${id} skipped (${r.skipped})`);
        else rows.push({ id, ...r });
      } catch (e) {
        console.log(`bench: ${id} failed: ${e.message.split('\n')[0]}`);
      }
    }
    results.set(name, { rows, of: ids.length });
  }
} finally {
  await b.close();
  await server.close();
}

console.log(`\nChromium: ${REPS} alternating warm repetitions per page after one warm-up; a page's time is its median (ms).`);
if (SAMPLE) console.log(`SUBSAMPLE: SAMPLE=${SAMPLE} evenly spaced pages per corpus, not the whole corpus.`);
let R1 = 0;
let R2 = 0;
for (const [name, { rows, of }] of results) {
  const ours = rows.map((r) => r.ours);
  const theirs = rows.map((r) => r.theirs);
  const ratios = rows.map((r) => r.ours / r.theirs);
  const medRatio = median(ratios);
  const p95Ratio = pct(ours, 0.95) / pct(theirs, 0.95);
  if (ONLY.length) {
    for (const r of rows) console.log(`  ${r.id.padEnd(28)} unmirror ${f(r.ours)}  Readability.js ${f(r.theirs)}  ratio ${(r.ours / r.theirs).toFixed(2)}  (capture ${f(r.capture)}, ${r.route})  first open ${f(r.first)}`);
  }
  console.log(
    `${name.padEnd(12)} pages=${rows.length}/${of} | unmirror median ${f(median(ours))} p95 ${f(pct(ours, 0.95))} | ` +
      `Readability.js median ${f(median(theirs))} p95 ${f(pct(theirs, 0.95))} | median per-page ratio ${medRatio.toFixed(2)}, ` +
      `p95/p95 ${p95Ratio.toFixed(2)} | first open median ${f(median(rows.map((r) => r.first)))}`,
  );
  R1 = Math.max(R1, medRatio);
  R2 = Math.max(R2, p95Ratio);
}

// ---- Native, size, memory -------------------------------------------------------
const native = ONLY.length ? { ratio: NaN, lines: [] } : nativeRatio();
console.log(`\nNative (cargo bench --bench native${process.env.NATIVE_FROM ? `, saved in ${process.env.NATIVE_FROM}` : ''}):`);
for (const l of native.lines) console.log(`  ${l}`);
const size = sizes();
console.log(`\nSize: wasm ${size.raw} bytes raw, ${size.gzip} bytes gzip -9`);
for (const z of size.zips) console.log(`  package ${z.name}: ${z.bytes} bytes`);
const mem = await peakMemory();
const mib = mem.after / (1 << 20);
console.log(
  `Memory: largest page ${mem.id} (${mem.bytes} bytes): wasm linear memory ${(mem.before / (1 << 20)).toFixed(1)} MiB at start, ` +
    `${mib.toFixed(1)} MiB peak (${(mem.after / mem.bytes).toFixed(1)}x the page's HTML)${mem.ok ? '' : ', clean failed'}`,
);
if (!ONLY.length) {
  console.log(
    `BENCH chromium_median_ratio=${R1.toFixed(2)} chromium_p95_ratio=${R2.toFixed(2)} native_ratio=${native.ratio.toFixed(2)} wasm_gzip_bytes=${size.gzip} peak_wasm_mib=${mib.toFixed(1)}`,
  );
}
