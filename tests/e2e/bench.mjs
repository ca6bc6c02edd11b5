// Capture + transfer + clean, as the extension does it, against Readability.js
// on the same live page, in Chromium. Not a test (timings are machine-bound):
// prints a table. `./build.sh bench [dataset/id ...]`.
//
// Ours: the toolbar handler opens the reader; the content script records
//   capture (live-DOM walk → HTML string) and clean (wasm call in the content
//   script, or message to the service worker + wasm there, for the CSP route).
// Readability.js: what Firefox's reader view does on a page,
//   `new Readability(document.cloneNode(true)).parse()`, timed in the page.
// Both warm: the median of RUNS after one warm-up run; the first run is printed
// too. outerHTML is timed as the baseline cost of any serialisation.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { startServer, sharedDir } from './server.mjs';
import { launchChromium, toggle } from './chromium-lib.mjs';

const RUNS = Number(process.env.RUNS ?? 7);
const PAGES = process.argv.slice(2).length
  ? process.argv.slice(2)
  : ['readability/guardian-1', 'readability/wikipedia-2', 'wcxb-dev/0643'];

const shared = sharedDir();
if (!shared) {
  console.log('bench: the shared corpus is absent (../shared or UNMIRROR_SHARED); nothing to measure');
  process.exit(0);
}
const require = createRequire(import.meta.url);
const READABILITY = fs.readFileSync(path.join(path.dirname(require.resolve('@mozilla/readability')), 'Readability.js'), 'utf8');

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const min = (xs) => Math.min(...xs);
const f = (x) => x.toFixed(1).padStart(6);

// Readability.js, timed in the page's main world (Runtime.evaluate: not subject
// to the page's CSP), on a clone, as Firefox's reader view does.
async function readabilityOnce(page) {
  return page.evaluate(() => {
    const t0 = performance.now();
    const article = new Readability(document.cloneNode(true)).parse();
    const ms = performance.now() - t0;
    const t1 = performance.now();
    const chars = document.documentElement.outerHTML.length;
    return { ms, outer: performance.now() - t1, chars, ok: !!article };
  });
}

const server = await startServer();
const b = await launchChromium(server);
const rows = [];
try {
  // Start the service worker's core once (as an earlier page would have), so a
  // route's "first" is the first use on that page, not the browser's first use.
  await b.page.goto(`${server.origin}/csp/pages/article.html`);
  await toggle(b.sw, b.page);
  await toggle(b.sw, b.page);
  for (const id of PAGES) {
    const file = path.join(shared, 'corpus', id, 'source.html');
    if (!fs.existsSync(file)) {
      console.log(`bench: ${id} not found, skipped`);
      continue;
    }
    const row = { id, bytes: fs.statSync(file).size };
    for (const route of ['content', 'worker']) {
      const url = `${server.origin}${route === 'worker' ? '/csp' : ''}/corpus/${id}/source.html`;
      await b.page.goto(url, { waitUntil: 'load' });
      await b.page.evaluate(READABILITY + '\n;globalThis.Readability = Readability;');
      const ours = [];
      const theirs = [];
      // Interleaved, so that load from elsewhere on the machine hits both alike.
      for (let i = 0; i <= RUNS; i++) {
        const res = await toggle(b.sw, b.page);
        if (res.state !== 'open') throw new Error(`${id}: reader did not open: ${JSON.stringify(res)}`);
        if (res.route !== route) throw new Error(`${id}: expected the ${route} route, got ${res.route}`);
        ours.push(res.timings);
        await toggle(b.sw, b.page);
        theirs.push(await readabilityOnce(b.page));
      }
      const tot = ours.slice(1).map((x) => x.capture + x.clean);
      row[route] = {
        first: ours[0].capture + ours[0].clean,
        firstCapture: ours[0].capture,
        firstClean: ours[0].clean,
        capture: min(ours.slice(1).map((x) => x.capture)),
        clean: min(ours.slice(1).map((x) => x.clean)),
        min: min(tot),
        median: median(tot),
        chars: ours[0].chars,
        rFirst: theirs[0].ms,
        rMin: min(theirs.slice(1).map((x) => x.ms)),
        rMedian: median(theirs.slice(1).map((x) => x.ms)),
        outer: min(theirs.map((x) => x.outer)),
        outerChars: theirs[0].chars,
      };
    }
    rows.push(row);
  }
} finally {
  await b.close();
  await server.close();
}

console.log(`\n${RUNS} warm runs per page and route, interleaved with Readability.js; min (median) in ms; "first" = first use on the page (includes loading the wasm)`);
console.log('page                       bytes | route   capture  clean | ours min (median)  first (capture+clean) | Readability min (median) first | ratio min (median) | outerHTML | capture/outerHTML chars');
for (const r of rows) {
  for (const route of ['content', 'worker']) {
    const c = r[route];
    console.log(
      `${r.id.padEnd(24)} ${String(r.bytes).padStart(8)} | ${route.padEnd(7)} ${f(c.capture)} ${f(c.clean)} | ${f(c.min)} (${f(c.median)}) ${f(c.first)} (${c.firstCapture.toFixed(0)}+${c.firstClean.toFixed(0)}) | ${f(c.rMin)} (${f(c.rMedian)}) ${f(c.rFirst)} | ${(c.min / c.rMin).toFixed(2)} (${(c.median / c.rMedian).toFixed(2)}) | ${f(c.outer)} | ${c.chars} / ${c.outerChars}`,
    );
  }
}
