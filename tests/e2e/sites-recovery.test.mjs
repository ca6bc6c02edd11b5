// The background's known-site index survives a panic in the core. A panic
// (wasm32 aborts) makes the wasm-bindgen glue run a fresh instance, and an
// object built in the old one (the `Sites` index sites.js keeps) is then refused
// as stale: without recovery every later SITE_STATUS failed, so listed sites
// stopped being cleaned on load until the worker restarted.
//
// Node, no browser: extension/sites.js as the package ships it (dist/chrome),
// the shipped glue plus one hook (the flag the panic hook sets through
// wasm-bindgen's reinit import: a real panic needs a page that panics), the real
// wasm, settings.js and the built-in lists; only the browser's storage, URL
// lookup and package fetch are stand-ins.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DIST = path.join(REPO, 'dist/chrome');
// A host of the built-in news-mirror list (every subdomain is listed).
const LISTED = 'https://deltapeak.fastseoul.com/news/2025/01/02/story.html';
const UNLISTED = 'https://news.unlisted.example/story.html';

describe('known sites after a panic in the core', () => {
  let tmp;
  let glue;
  let sites;
  let savedFetch;
  let savedNs;
  before(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'unmirror-sites-recovery-'));
    fs.cpSync(DIST, tmp, { recursive: true });
    const gluePath = path.join(tmp, 'vendor/unmirror.js');
    const src = fs.readFileSync(gluePath, 'utf8');
    assert.match(src, /let __wbg_reinit_scheduled = false;/, 'the glue has wasm-bindgen reinit');
    fs.writeFileSync(gluePath, `${src}\nexport function scheduleReinit() { __wbg_reinit_scheduled = true; }\n`);
    glue = await import(pathToFileURL(gluePath).href);
    glue.initSync({ module: fs.readFileSync(path.join(tmp, 'vendor/unmirror_bg.wasm')) });

    // The stand-ins: package URLs are files of the copy, storage is memory.
    savedFetch = globalThis.fetch;
    globalThis.fetch = async (url) => {
      const file = fileURLToPath(url);
      return fs.existsSync(file)
        ? { ok: true, status: 200, text: async () => fs.readFileSync(file, 'utf8') }
        : { ok: false, status: 404, text: async () => '' };
    };
    const memory = () => {
      const data = {};
      return {
        get: async (keys) => {
          if (keys === null || keys === undefined) return structuredClone(data);
          const list = Array.isArray(keys) ? keys : [keys];
          return Object.fromEntries(list.filter((k) => k in data).map((k) => [k, structuredClone(data[k])]));
        },
        set: async (items) => Object.assign(data, structuredClone(items)),
      };
    };
    savedNs = globalThis.unmirror;
    globalThis.unmirror = {
      ext: {
        runtime: { getURL: (p) => pathToFileURL(path.join(tmp, p)).href },
        storage: { local: memory(), sync: memory(), onChanged: { addListener() {} } },
        tabs: { onRemoved: { addListener() {} } },
      },
    };
    await import(pathToFileURL(path.join(tmp, 'lib/settings.js')).href);
    sites = await import(pathToFileURL(path.join(tmp, 'sites.js')).href);
    sites.init(async () => {});
  });
  after(() => {
    if (savedFetch) globalThis.fetch = savedFetch;
    globalThis.unmirror = savedNs;
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  const panic = () => {
    // What a panic elsewhere leaves (lib/core.js then settles with `version`).
    glue.scheduleReinit();
    glue.version();
  };

  it('a listed site is still found, and cleaned on load, after the core started again', async () => {
    const before = await sites.status(LISTED, 7);
    assert.equal(before.listed?.kind, 'mirror', JSON.stringify(before));
    assert.equal(before.site, 'fastseoul.com');
    assert.equal(before.auto, true);

    panic();
    const again = await sites.status(LISTED, 7);
    assert.deepEqual(again, before);
    assert.equal((await sites.status(UNLISTED)).listed, null);

    // Twice in a row, and with no status call in between.
    panic();
    panic();
    assert.deepEqual(await sites.status(LISTED, 7), before);
  });

  it('a panic left unsettled (no string-free call yet) does not garble the rebuilt index', async () => {
    glue.scheduleReinit();
    const st = await sites.status(LISTED, 7);
    assert.equal(st.listed?.kind, 'mirror', JSON.stringify(st));
    assert.equal(st.site, 'fastseoul.com');
  });
});
