// The auto-clean test in Firefox ESR (dist/firefox-test through geckodriver): a
// page on a built-in listed host is cleaned on load, the badge says so, the
// hidden elements are the reported clutter, and the extension requests nothing.
//
// Firefox MV3 treats host permissions, content-script matches included, as
// optional: since Firefox 127 they are granted at install (the install prompt
// lists them), and a temporary add-on gets them the same way. The test checks
// the grant first, so a Firefox that withholds it fails with that message
// instead of a timeout.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { startServer, REPO } from './server.mjs';
import { isFirefoxOwn, startFirefox } from './firefox-lib.mjs';
import { ARTIFACTS } from './common.mjs';

const EXT = path.join(REPO, 'dist/firefox-test');
const SEED = '/www/pkg/samples/seed-cbs-korea.html';
const MIRROR = '/www/pkg/samples/mirror-template.html';
const USER_HOST = 'user-added.example'; // in firefox-test's host_permissions (see build.sh)


// Page-side: the toolbar button, through the test build's hook (as firefox.test.mjs).
const TRIGGER = `
  const done = arguments[arguments.length - 1];
  const onMsg = (e) => {
    if (e.source === window && e.data && e.data.type === 'unmirror-test:done') {
      window.removeEventListener('message', onMsg);
      done(e.data.res);
    }
  };
  window.addEventListener('message', onMsg);
  window.postMessage({ type: 'unmirror-test:action' }, '*');
`;

const STATE = `
  const host = document.querySelector('unmirror-reader');
  if (!host || !host.shadowRoot || !host.shadowRoot.querySelector('.reader')) return null;
  const all = [...document.querySelectorAll('*')];
  const hidden = all.filter((el) => el.style.getPropertyValue('display') === 'none' && el.style.getPropertyPriority('display') === 'important').map((el) => all.indexOf(el));
  const selectors = host.dataset.clutter ? JSON.parse(host.dataset.clutter) : [];
  const expected = new Set();
  for (const sel of selectors) for (const el of document.querySelectorAll(sel)) {
    if (el === document.documentElement || el === document.body || el === document.head || el.contains(host)) continue;
    expected.add(all.indexOf(el));
  }
  return {
    auto: host.dataset.auto === 'true',
    listed: host.dataset.listed ? JSON.parse(host.dataset.listed) : null,
    title: (host.shadowRoot.querySelector('h1.title') || {}).textContent || '',
    selectors: selectors.length,
    exportMenu: !!host.shadowRoot.querySelector('button[data-export-menu]'),
    hidden: hidden.sort((a, b) => a - b),
    expected: [...expected].sort((a, b) => a - b),
  };
`;

describe('Firefox ESR: auto-clean on a listed site', () => {
  let server;
  let ff;
  before(async () => {
    server = await startServer({ hosts: ['fastseoul.com', USER_HOST] });
    ff = await startFirefox(server, EXT);
  });
  after(async () => {
    await ff?.quit();
    await server?.close();
  });

  it('a page on a built-in listed host is cleaned on load', async () => {
    await ff.navigate(`http://deltapeak.fastseoul.com${SEED}`);
    const st = await ff.waitFor(STATE, 20000).catch(async (e) => {
      await ff.screenshot(path.join(ARTIFACTS, 'firefox-auto-clean-failed.png'));
      throw e;
    });
    assert.equal(st.auto, true, 'opened by auto-clean');
    assert.equal(st.listed?.list, 'unmirror-news-mirrors');
    assert.match(st.title, /North Korea and Russia/);
    assert.ok(st.selectors > 0);
    assert.deepEqual(st.hidden, st.expected, 'hidden elements = the reported clutter');
    assert.equal(st.exportMenu, true, 'export menu in the auto-opened reader');
    await ff.screenshot(path.join(ARTIFACTS, 'firefox-auto-clean.png'));
  });

  // WebDriver may not navigate to moz-extension:// pages: the options page is
  // reached the way a user reaches it from a mirror on no list, through the
  // reader's "Always clean this site" offer (it opens the options page in a tab).
  it('the offer on an unlisted mirror opens the options page; a site added there is cleaned on load', async () => {
    await ff.navigate(`${server.origin}${MIRROR}`);
    await ff.waitFor("return document.documentElement.dataset.unmirrorTestHook === 'ready'");
    const res = await ff.execAsync(TRIGGER);
    assert.equal(res?.state, 'open');
    const first = await ff.handles();
    await ff.exec("document.querySelector('unmirror-reader').shadowRoot.querySelector('[data-unmirror=\"always-clean\"]').click()");
    let handle;
    for (let i = 0; i < 100 && !handle; i++) {
      handle = (await ff.handles()).find((h) => !first.includes(h));
      if (!handle) await new Promise((r) => setTimeout(r, 100));
    }
    assert.ok(handle, 'the options page opened in a new tab');
    await ff.switchTo(handle);
    await ff.waitFor("return document.documentElement.dataset.ready === 'true'", 20000);
    assert.match(await ff.exec('return location.href'), /^moz-extension:\/\/.*\/options\/options\.html\?add=127\.0\.0\.1$/);
    assert.equal(await ff.exec("return document.getElementById('offer').hidden"), false);
    // MV3 host permissions are optional in Firefox: the built-in ones were granted at install.
    assert.equal(await ff.exec("return document.getElementById('builtin-access').hidden"), true);

    await ff.exec(`document.getElementById('add-site').value = 'news.${USER_HOST}'`);
    await ff.click('#add');
    await ff.waitFor(`return !!document.querySelector('#user-sites tr[data-site="${USER_HOST}"]')`);
    assert.match(await ff.exec("return document.getElementById('add-status').textContent"), /added: its pages are cleaned/);
    await new Promise((r) => setTimeout(r, 1500)); // the background registers the script
    await ff.navigate(`http://news.${USER_HOST}${MIRROR}`);
    const st = await ff.waitFor(STATE, 20000).catch(async (e) => {
      await ff.screenshot(path.join(ARTIFACTS, 'firefox-user-site-failed.png'));
      throw e;
    });
    assert.equal(st.auto, true);
    assert.equal(st.listed?.list, 'user');
    assert.deepEqual(st.hidden, st.expected);
  });

  it('nothing left the machine', () => {
    const foreign = server.foreign().filter((r) => !isFirefoxOwn(r.host));
    assert.deepEqual(foreign, [], 'no request left the machine');
  });
});
