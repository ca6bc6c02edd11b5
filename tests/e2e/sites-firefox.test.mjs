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
    hidden: hidden.sort((a, b) => a - b),
    expected: [...expected].sort((a, b) => a - b),
  };
`;

describe('Firefox ESR: auto-clean on a listed site', () => {
  let server;
  let ff;
  before(async () => {
    server = await startServer({ hosts: ['fastseoul.com'] });
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
    await ff.screenshot(path.join(ARTIFACTS, 'firefox-auto-clean.png'));
    const foreign = server.foreign().filter((r) => !isFirefoxOwn(r.host));
    assert.deepEqual(foreign, [], 'no request left the machine');
  });
});
