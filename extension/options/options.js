// The options page: known-site lists, the user's sites, imports, per-site
// auto-clean switches. Everything it parses or matches goes through the core
// (check_list, Sites.site_of); it only reads files from the extension package and
// what the user pastes or chooses (FileReader): it never fetches from the web.
//
// Host permissions are requested here, in the click handlers (a permission prompt
// needs the user's click; Firefox wants the request before any await), then the
// settings are saved; the background follows storage changes and registers the
// content script for the granted hosts (sites.js).
import initCore, { Sites, check_list as checkList } from '../vendor/unmirror.js';

const { ext, settings: S } = globalThis.unmirror;
const $ = (id) => document.getElementById(id);

let psl = null; // a Sites with no list: site_of() for normalising what the user types
let index = null; // index.json
let counts = {}; // built-in list id -> { rules, hosts }
let checked = null; // the last import check: { text, format, name, report, hosts }

function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) if (c !== null && c !== undefined) el.append(typeof c === 'string' ? document.createTextNode(c) : c);
  return el;
}

const packageText = async (file) => (await fetch(ext.runtime.getURL(`lists/${file}`))).text();

const patternFor = (host) => (/^[\d.]+$/.test(host) || host.startsWith('[') ? `*://${host}/*` : `*://*.${host}/*`);

function say(id, text, cls = '') {
  const el = $(id);
  el.textContent = text;
  el.className = cls;
}

/** The site a typed value names (`https://news.example.co.uk/x` -> `example.co.uk`). */
function siteOf(value) {
  const v = String(value ?? '').trim().toLowerCase();
  if (!v) return null;
  const site = psl.site_of(v);
  return site && S.isSite(site) ? site : null;
}

/** Ask for `origins` (the caller is a click handler: this must be its first await). */
function request(origins) {
  if (!origins.length) return Promise.resolve(true);
  return ext.permissions.request({ origins }).catch(() => false);
}

async function update(change) {
  const sites = await S.loadSites();
  change(sites);
  const ok = await S.saveSites(sites);
  if (!ok) say('status', 'These settings were written by a newer unmirror: not changed.', 'errors');
  await render();
  return ok;
}

// ---- your sites and per-site switches ---------------------------------------

async function addSite(site, statusId) {
  // First the permission (needs the click), then the save.
  const granted = await request([patternFor(site)]);
  await update((s) => {
    if (!s.user.some((u) => u.site === site)) s.user.push({ site, added: Date.now() });
    s.auto_off = s.auto_off.filter((x) => x !== site);
  });
  say(
    statusId,
    granted ? `${site} added: its pages are cleaned when they load.` : `${site} added, but without your permission unmirror cannot clean it on load (the toolbar button still works).`,
    granted ? 'ok' : 'errors',
  );
}

function onAdd(e) {
  e.preventDefault();
  const site = siteOf($('add-site').value);
  if (!site) {
    say('add-status', 'Not a site name or page address.', 'errors');
    return;
  }
  addSite(site, 'add-status').then(() => ($('add-site').value = ''));
}

function onOff(e) {
  e.preventDefault();
  const site = siteOf($('off-site').value);
  if (!site) {
    say('status', 'Not a site name or page address.', 'errors');
    return;
  }
  update((s) => {
    if (!s.auto_off.includes(site)) s.auto_off.push(site);
  }).then(() => ($('off-site').value = ''));
}

function setAuto(site, on) {
  return update((s) => {
    s.auto_off = s.auto_off.filter((x) => x !== site);
    if (!on) s.auto_off.push(site);
  });
}

// ---- import -------------------------------------------------------------------

function showReport(report, hosts) {
  const box = $('import-report');
  box.replaceChildren();
  const ok = report.error_count === 0 && report.rules > 0;
  box.append(
    h('p', { class: ok ? 'ok' : 'errors' },
      `${report.rules} rule line${report.rules === 1 ? '' : 's'} (format: ${report.format}), ${hosts.length} host${hosts.length === 1 ? '' : 's'}` +
        (report.error_count ? `, ${report.error_count} malformed line${report.error_count === 1 ? '' : 's'}: nothing was imported. Fix them and check again.` : '.') +
        (ok ? '' : report.rules === 0 && !report.error_count ? ' Nothing to import.' : '')),
  );
  const issues = (list, cls) => h('ul', { class: cls }, ...list.map((e) => h('li', { 'data-line': e.line }, `Line ${e.line}: ${e.message}`)));
  if (report.errors.length) box.append(issues(report.errors, 'errors'));
  if (report.warnings.length) {
    box.append(h('p', {}, `${report.warning_count} line(s) unmirror does not use:`), issues(report.warnings, 'warnings'));
  }
  $('import-save').disabled = !ok;
}

function onCheck() {
  const text = $('import-text').value;
  const format = $('import-format').value;
  const name = $('import-name').value.trim() || 'Imported list';
  const { report, hosts } = checkList(JSON.stringify({ id: 'import', name, kind: 'user', format }), text);
  checked = { text, format, name, report, hosts };
  showReport(report, hosts);
}

function onImport() {
  if (!checked || checked.text !== $('import-text').value || checked.report.error_count || !checked.report.rules) {
    $('import-save').disabled = true;
    return;
  }
  const { text, format, name, hosts } = checked;
  request(hosts.map(patternFor)).then(async (granted) => {
    const id = `import-${Date.now().toString(36)}`;
    const saved = await update((s) => s.imports.push({ id, name, format, text, enabled: true }));
    if (!saved) return;
    checked = null;
    $('import-text').value = '';
    $('import-save').disabled = true;
    say('import-report', `Imported "${name}".${granted ? '' : ' Without your permission its sites are not cleaned on load.'}`, granted ? 'ok' : 'errors');
  });
}

function onFile() {
  const file = $('import-file').files?.[0];
  if (!file) return;
  const reader = new FileReader();
  reader.onload = () => {
    $('import-text').value = String(reader.result ?? '');
    if (!$('import-name').value) $('import-name').value = file.name.replace(/\.[^.]*$/, '');
    onCheck();
  };
  reader.readAsText(file);
}

// ---- rendering -----------------------------------------------------------------

async function render() {
  const sites = await S.loadSites();
  const user = $('user-sites').tBodies[0];
  user.replaceChildren(
    ...sites.user.map(({ site }) =>
      h('tr', { 'data-site': site },
        h('td', {}, site),
        h('td', {}, h('input', {
          type: 'checkbox', 'aria-label': `Auto-clean ${site}`, 'data-auto': site,
          checked: !sites.auto_off.includes(site),
          onchange: (e) => setAuto(site, e.target.checked),
        })),
        h('td', {}, h('button', { type: 'button', 'data-remove': site, onclick: () => update((s) => (s.user = s.user.filter((u) => u.site !== site))) }, 'Remove')),
      ),
    ),
  );
  $('auto-off').replaceChildren(
    ...sites.auto_off.map((site) =>
      h('li', { 'data-site': site }, `${site} `, h('button', { type: 'button', 'data-on': site, onclick: () => setAuto(site, true) }, 'Switch auto-clean back on')),
    ),
  );
  $('imports').tBodies[0].replaceChildren(
    ...sites.imports.map((i) => {
      const { report } = checkList(JSON.stringify({ id: i.id, kind: 'user', format: i.format }), i.text);
      return h('tr', { 'data-import': i.id },
        h('td', {}, i.name),
        h('td', {}, String(report.rules)),
        h('td', {}, h('input', {
          type: 'checkbox', 'aria-label': `Use ${i.name}`, checked: i.enabled,
          onchange: (e) => update((s) => s.imports.forEach((x) => x.id === i.id && (x.enabled = e.target.checked))),
        })),
        h('td', {}, h('button', { type: 'button', onclick: () => update((s) => (s.imports = s.imports.filter((x) => x.id !== i.id))) }, 'Remove')),
      );
    }),
  );
  $('builtin').tBodies[0].replaceChildren(
    ...index.lists.map((l) => {
      const optional = !l.default_enabled;
      const on = l.default_enabled || sites.optional[l.id] === true;
      const toggle = h('input', {
        type: 'checkbox', 'aria-label': `Use ${l.name}`, 'data-list': l.id, checked: on, disabled: !optional,
        onchange: (e) => {
          const want = e.target.checked;
          const ask = want ? request((counts[l.id]?.hosts ?? []).map(patternFor)) : Promise.resolve(true);
          ask.then(() => update((s) => (want ? (s.optional[l.id] = true) : delete s.optional[l.id])));
        },
      });
      return h('tr', { 'data-builtin': l.id },
        h('td', {}, l.name),
        h('td', {}, optional ? `${l.kind} (optional)` : l.kind),
        h('td', {}, String(counts[l.id]?.rules ?? '')),
        h('td', {}, h('a', { href: ext.runtime.getURL(`lists/${l.licence_file}`), target: '_blank' }, l.licence)),
        h('td', {}, toggle),
      );
    }),
  );
}

async function main() {
  await initCore({ module_or_path: ext.runtime.getURL('vendor/unmirror_bg.wasm') });
  index = JSON.parse(await packageText('index.json'));
  psl = new Sites('[]', await packageText(index.public_suffix_list.file));
  for (const l of index.lists) {
    const { report, hosts } = checkList(JSON.stringify({ id: l.id, kind: l.kind, format: l.format }), await packageText(l.file));
    counts[l.id] = { rules: report.rules, hosts };
  }
  $('add-form').addEventListener('submit', onAdd);
  $('off-form').addEventListener('submit', onOff);
  $('import-check').addEventListener('click', onCheck);
  $('import-save').addEventListener('click', onImport);
  $('import-file').addEventListener('change', onFile);
  $('import-text').addEventListener('input', () => ($('import-save').disabled = true));
  // The built-in hosts (manifest content_scripts): granted at install in Chrome
  // (where permissions.contains does not count content-script hosts, so it is not
  // asked); in Firefox MV3 host permissions are optional and can be withdrawn.
  const firefox = ext.runtime.getURL('').startsWith('moz-extension:');
  const builtinMatches = (firefox ? ext.runtime.getManifest().content_scripts ?? [] : [])
    .filter((c) => (c.js ?? []).some((f) => f.endsWith('content/auto.js')))
    .flatMap((c) => c.matches ?? []);
  const showAccess = async () => {
    const ok = !builtinMatches.length || (await ext.permissions.contains({ origins: builtinMatches }).catch(() => true));
    $('builtin-access').hidden = ok;
  };
  $('builtin-grant').addEventListener('click', () => {
    ext.permissions.request({ origins: builtinMatches }).catch(() => false).then(showAccess);
  });
  await showAccess();
  const offer = new URLSearchParams(location.search).get('add');
  const offerSite = offer ? siteOf(offer) : null;
  if (offerSite) {
    $('offer-site').textContent = offerSite;
    $('offer').hidden = false;
    $('offer-add').addEventListener('click', () => addSite(offerSite, 'status').then(() => ($('offer').hidden = true)));
  }
  ext.storage.onChanged.addListener((changes, area) => {
    if (area === 'local') render();
  });
  await render();
  document.documentElement.dataset.ready = 'true';
}

main().catch((e) => say('status', `unmirror could not start this page: ${e?.message ?? e}`, 'errors'));
