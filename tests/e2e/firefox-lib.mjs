// Firefox ESR through geckodriver, with a minimal W3C WebDriver client (plain
// HTTP + JSON: new session, install add-on, navigate, execute, screenshot).
// Nothing is downloaded: the Firefox binary and the geckodriver path are given
// explicitly.
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { REPO } from './server.mjs';

// Firefox's own background requests seen by the proxy: remote settings sync,
// which starts with the browser whatever the add-ons do, and other Mozilla
// services. They go to Mozilla's domains, which the add-on never names.
const FIREFOX_OWN_DOMAINS = ['mozilla.com', 'mozilla.net', 'mozilla.org', 'firefox.com', 'mozaws.net'];
export const isFirefoxOwn = (host) => {
  const name = host.replace(/:\d+$/, '');
  return FIREFOX_OWN_DOMAINS.some((d) => name === d || name.endsWith(`.${d}`));
};

export const FIREFOX = process.env.FIREFOX ?? '/usr/bin/firefox-esr';

export function geckodriverPath() {
  const candidates = [process.env.GECKODRIVER, path.join(REPO, '.tools/bin/geckodriver')];
  for (const dir of (process.env.PATH ?? '').split(':')) candidates.push(path.join(dir, 'geckodriver'));
  for (const c of candidates) if (c && fs.existsSync(c)) return c;
  throw new Error(
    'geckodriver not found (GECKODRIVER, .tools/bin or PATH). Build it with: cargo install geckodriver --root .tools',
  );
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

async function call(base, method, route, body) {
  const res = await fetch(base + route, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await res.json();
  if (!res.ok || json.value?.error) {
    throw new Error(`WebDriver ${method} ${route}: ${json.value?.error}: ${json.value?.message}`);
  }
  return json.value;
}

/** Zip an unpacked extension directory into an .xpi (base64) for moz/addon/install. */
function xpiBase64(dir) {
  const tmp = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'unmirror-xpi-')), 'addon.xpi');
  execFileSync('zip', ['-q', '-r', '-X', tmp, '.'], { cwd: dir });
  const b64 = fs.readFileSync(tmp).toString('base64');
  fs.rmSync(path.dirname(tmp), { recursive: true, force: true });
  return b64;
}

// Page-side (execAsync): click the toolbar button, via the test build's hook;
// resolves with the content script's report.
export const TRIGGER = `
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

/**
 * Start Firefox (headless) with `extDir` installed as a temporary add-on, all
 * traffic through the test server's proxy. Returns a small driver. `prefs` adds
 * Firefox preferences (e.g. a download folder).
 */
export async function startFirefox(server, extDir, prefs = {}) {
  const port = await freePort();
  const driver = spawn(geckodriverPath(), ['--host', '127.0.0.1', '--port', String(port), '--log', 'error'], {
    // Firefox's own stderr chatter (internal JS errors of headless mode) only on request.
    stdio: ['ignore', process.env.UNMIRROR_FF_LOG ? 'inherit' : 'ignore', process.env.UNMIRROR_FF_LOG ? 'inherit' : 'ignore'],
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    try {
      const st = await call(base, 'GET', '/status');
      if (st.ready) break;
    } catch {
      /* not listening yet */
    }
    if (i > 100) throw new Error('geckodriver did not start');
    await new Promise((r) => setTimeout(r, 100));
  }
  const caps = {
    capabilities: {
      alwaysMatch: {
        browserName: 'firefox',
        'moz:firefoxOptions': {
          binary: FIREFOX,
          args: ['-headless'],
          prefs: {
            'network.proxy.type': 1,
            'network.proxy.http': '127.0.0.1',
            'network.proxy.http_port': server.port,
            'network.proxy.ssl': '127.0.0.1',
            'network.proxy.ssl_port': server.port,
            'network.proxy.no_proxies_on': '',
            'network.proxy.allow_hijacking_localhost': true,
            // Firefox's own background calls that geckodriver's defaults leave on:
            // captive portal and connectivity checks, list updates. (Remote settings
            // ignores its server pref in release builds: see isFirefoxOwn.)
            'network.captive-portal-service.enabled': false,
            'network.connectivity-service.enabled': false,
            'browser.safebrowsing.update.enabled': false,
            'extensions.getAddons.cache.enabled': false,
            // UNMIRROR_FF_LOG=1: console messages (the add-on's too) on stdout.
            ...(process.env.UNMIRROR_FF_LOG
              ? { 'devtools.console.stdout.chrome': true, 'devtools.console.stdout.content': true }
              : {}),
            ...prefs,
          },
        },
      },
    },
  };
  let session;
  try {
    session = await call(base, 'POST', '/session', caps);
  } catch (e) {
    driver.kill();
    throw e;
  }
  const s = `/session/${session.sessionId}`;
  const api = {
    capabilities: session.capabilities,
    installAddon: (dir) => call(base, 'POST', `${s}/moz/addon/install`, { addon: xpiBase64(dir), temporary: true }),
    navigate: (url) => call(base, 'POST', `${s}/url`, { url }),
    /** Run a function body in the page; `arguments` are `args`. */
    exec: (body, args = []) => call(base, 'POST', `${s}/execute/sync`, { script: body, args }),
    /** Like exec; the body calls `arguments[arguments.length - 1](value)` to finish. */
    execAsync: (body, args = []) => call(base, 'POST', `${s}/execute/async`, { script: body, args }),
    screenshot: async (file) => fs.writeFileSync(file, Buffer.from(await call(base, 'GET', `${s}/screenshot`), 'base64')),
    handles: () => call(base, 'GET', `${s}/window/handles`),
    switchTo: (handle) => call(base, 'POST', `${s}/window`, { handle }),
    /** A WebDriver element click (trusted input: counts as a user gesture). */
    click: async (css) => {
      const el = await call(base, 'POST', `${s}/element`, { using: 'css selector', value: css });
      return call(base, 'POST', `${s}/element/${Object.values(el)[0]}/click`, {});
    },
    setTimeouts: (t) => call(base, 'POST', `${s}/timeouts`, t),
    waitFor: async (body, timeoutMs = 10000) => {
      const end = Date.now() + timeoutMs;
      for (;;) {
        const v = await api.exec(body);
        if (v) return v;
        if (Date.now() > end) throw new Error(`timed out waiting for: ${body}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    quit: async () => {
      try {
        await call(base, 'DELETE', s);
      } finally {
        driver.kill();
      }
    },
  };
  await api.setTimeouts({ script: 30000 });
  await call(base, 'POST', `${s}/window/rect`, { width: 1100, height: 760 });
  await api.installAddon(extDir);
  return api;
}
