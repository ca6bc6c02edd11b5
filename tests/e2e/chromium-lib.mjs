// Browser plumbing shared by the tests and the benchmark: Chromium through
// Playwright (Debian's /usr/bin/chromium, no browser download).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { REPO } from './server.mjs';

// Make Playwright report service-worker requests too (the extension's worker
// included) in context.on('request'); read when the browser is launched.
process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';

// Chromium's own background requests, seen through the proxy even with no page
// open and no extension loaded: the component/extension updater, the identity
// manager's ListAccounts (which no switch turns off), variations. They go to
// Google's service domains, which neither the extension nor the test pages ever
// name; the request log below attributes every page and worker request anyway.
const BROWSER_OWN_DOMAINS = ['google.com', 'googleapis.com', 'gvt1.com', 'gvt2.com'];
export const isBrowserOwn = (host) => {
  const name = host.replace(/:\d+$/, '');
  return BROWSER_OWN_DOMAINS.some((d) => name === d || name.endsWith(`.${d}`));
};

export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

/** Switches for every Chromium the tests launch: quiet background traffic, and
 * every request (loopback included) through the test server's proxy. */
export const chromiumArgs = (server) => [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  `--proxy-server=http://127.0.0.1:${server.port}`,
  '--proxy-bypass-list=<-loopback>',
];

/** Requests the proxy saw leave for anywhere but the test server, minus
 * Chromium's own background calls (see isBrowserOwn). */
export const foreignRequests = (server, mark = 0) => server.foreign(mark).filter((r) => !isBrowserOwn(r.host));
const EXT = path.join(REPO, 'dist/chrome-test');

export async function launchChromium(server, extDir = EXT) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'unmirror-chromium-'));
  const ctx = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1100, height: 760 },
    args: [
      `--disable-extensions-except=${extDir}`,
      `--load-extension=${extDir}`,
      ...chromiumArgs(server),
    ],
  });
  let [sw] = ctx.serviceWorkers();
  if (!sw) sw = await ctx.waitForEvent('serviceworker');
  const page = ctx.pages()[0] ?? (await ctx.newPage());
  // Every request made by a page or a service worker (ours included), as the
  // browser reports it: the attribution the proxy log lacks.
  const requests = [];
  ctx.on('request', (r) => requests.push({ url: r.url(), sw: !!r.serviceWorker() }));
  return {
    ctx,
    requests,
    sw,
    page,
    extId: new URL(sw.url()).host,
    close: async () => {
      await ctx.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** What a toolbar click does: the action handler, run in the service worker on the active tab. */
export async function toggle(sw, page) {
  await page.bringToFront();
  return sw.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return globalThis.handleAction(tab);
  });
}

/** Evaluate `expression` in the extension's isolated world of `page` (the content script's globals). */
export async function inContentWorld(page, extId, expression) {
  const cdp = await page.context().newCDPSession(page);
  const contexts = [];
  cdp.on('Runtime.executionContextCreated', (e) => contexts.push(e.context));
  await cdp.send('Runtime.enable');
  const frameId = (await cdp.send('Page.getFrameTree')).frameTree.frame.id;
  const ctx = contexts.find((c) => c.origin === `chrome-extension://${extId}` && c.auxData?.frameId === frameId);
  assert.ok(ctx, 'the content script world exists in the page');
  const r = await cdp.send('Runtime.evaluate', { expression, contextId: ctx.id, returnByValue: true, awaitPromise: true });
  await cdp.detach();
  if (r.exceptionDetails) throw new Error(r.exceptionDetails.exception?.description ?? r.exceptionDetails.text);
  return r.result.value;
}

