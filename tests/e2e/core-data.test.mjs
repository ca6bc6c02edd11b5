// The core's local-paper table (src/data/local_news.tsv) ships beside the wasm,
// not in it (download size): the packages and the demo carry the file and its
// licence, the core reads the text from globalThis.unmirror.localNews, and an
// instance built again after a panic reads it again (src/wasm.rs). Node only:
// the shipped glue and module, no browser.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const TSV = fs.readFileSync(path.join(REPO, 'src/data/local_news.tsv'), 'utf8');

// One paper of the table: its domain and name.
const [domain, name] = TSV.split('\n')
  .find((l) => l && !l.startsWith('#'))
  .split('\t');
const URL_ = `https://www.${domain}/news/2025/01/02/late-buses.html`;
const PARA = `<p>${'The county board voted on Tuesday to extend the late bus routes through the winter, officials said. '.repeat(8)}</p>`;
const HTML = `<html><head><title>Late buses return</title></head><body><article><h1>Late buses return</h1>${PARA}${PARA}</article></body></html>`;

describe('the local-paper table beside the core', () => {
  let tmp;
  let glue;
  before(async () => {
    // The shipped web glue plus one hook: the flag the panic hook sets through
    // wasm-bindgen's reinit import (a real panic needs a page that panics).
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'unmirror-core-data-'));
    const src = fs.readFileSync(path.join(REPO, 'dist/chrome/vendor/unmirror.js'), 'utf8');
    assert.match(src, /let __wbg_reinit_scheduled = false;/, 'the glue has wasm-bindgen reinit');
    const file = path.join(tmp, 'glue.mjs');
    fs.writeFileSync(file, `${src}\nexport function scheduleReinit() { __wbg_reinit_scheduled = true; }\n`);
    glue = await import(pathToFileURL(file).href);
    glue.initSync({ module: fs.readFileSync(path.join(REPO, 'dist/chrome/vendor/unmirror_bg.wasm')) });
    // lib/core.js (and the messages it needs) as the extension loads them.
    await import(pathToFileURL(path.join(REPO, 'extension/lib/messages.js')).href);
    await import(pathToFileURL(path.join(REPO, 'extension/lib/core.js')).href);
  });
  after(() => {
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
    delete globalThis.unmirror.localNews;
  });

  it('the packages and the demo ship the table and its licence, not in the wasm', () => {
    const licence = fs.readFileSync(path.join(REPO, 'src/data/LOCAL_NEWS_LICENSE'), 'utf8');
    for (const dir of ['dist/chrome/vendor', 'dist/firefox/vendor', 'www/pkg']) {
      assert.equal(fs.readFileSync(path.join(REPO, dir, 'local_news.tsv'), 'utf8'), TSV, `${dir}/local_news.tsv`);
      assert.equal(fs.readFileSync(path.join(REPO, dir, 'LOCAL_NEWS_LICENSE'), 'utf8'), licence, `${dir}/LOCAL_NEWS_LICENSE`);
    }
    const wasm = fs.readFileSync(path.join(REPO, 'dist/chrome/vendor/unmirror_bg.wasm'));
    assert.equal(wasm.indexOf(`${domain}\t${name}`), -1, 'the table is not inside the module');
  });

  it('without the text local papers are unknown; with it the paper is named', () => {
    delete globalThis.unmirror.localNews;
    const bare = glue.clean(HTML, URL_, undefined);
    assert.equal(bare.attribution.publisher, null);
    assert.equal(bare.attribution.publisher_domain, domain);
    globalThis.unmirror.localNews = TSV;
    const named = glue.clean(HTML, URL_, undefined);
    assert.equal(named.attribution.publisher, name);
  });

  it('after a panic the fresh instance reads the table again, and the next clean works', () => {
    globalThis.unmirror.localNews = TSV;
    const { core } = globalThis.unmirror;
    assert.equal(core.run(glue.clean, HTML, URL_, undefined, glue.version).article.attribution.publisher, name);
    // What a panic leaves: the reinit flag set and a RuntimeError thrown out of clean.
    const panicking = () => {
      glue.scheduleReinit();
      throw new WebAssembly.RuntimeError('unreachable');
    };
    const failed = core.run(panicking, HTML, URL_, undefined, glue.version);
    assert.equal(failed.ok, false);
    assert.equal(failed.error.code, 'panic');
    // The next page: a fresh instance, with the table and the page intact.
    const again = core.run(glue.clean, HTML, URL_, undefined, glue.version);
    assert.equal(again.ok, true, JSON.stringify(again.error));
    assert.equal(again.article.title, 'Late buses return');
    assert.equal(again.article.attribution.publisher, name);
    // Once more without the text: proves the table came from the new instance's read.
    delete globalThis.unmirror.localNews;
    core.run(panicking, HTML, URL_, undefined, glue.version);
    assert.equal(core.run(glue.clean, HTML, URL_, undefined, glue.version).article.attribution.publisher, null);
  });
});
