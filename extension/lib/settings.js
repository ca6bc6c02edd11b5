// Reader settings: defaults, validation, load/save in storage.sync (so they
// follow the user's browser profile; a few bytes, far under the sync quotas).
// Anything read back is re-validated: storage may hold values from an older
// version or a hand edit.
(function () {
  'use strict';
  const ns = (globalThis.unmirror ??= {});
  if (ns.settings) return;

  const KEY = 'reader';
  const CHOICES = Object.freeze({
    theme: ['light', 'sepia', 'dark'],
    font: ['serif', 'sans', 'mono'],
    width: ['narrow', 'medium', 'wide'],
    line_height: [1.4, 1.6, 1.8, 2.0],
  });
  const SIZE_MIN = 14;
  const SIZE_MAX = 30;
  const SIZE_STEP = 2;
  const DEFAULTS = Object.freeze({
    theme: 'light',
    font: 'serif',
    size: 19,
    width: 'medium',
    line_height: 1.6,
  });

  function sanitize(raw) {
    const out = { ...DEFAULTS };
    if (typeof raw !== 'object' || raw === null) return out;
    for (const k of Object.keys(CHOICES)) {
      if (CHOICES[k].includes(raw[k])) out[k] = raw[k];
    }
    if (Number.isInteger(raw.size) && raw.size >= SIZE_MIN && raw.size <= SIZE_MAX) {
      out.size = raw.size;
    }
    return out;
  }

  async function load() {
    try {
      const got = await ns.ext.storage.sync.get(KEY);
      return sanitize(got?.[KEY]);
    } catch {
      return { ...DEFAULTS }; // storage unavailable (e.g. sync disabled by policy)
    }
  }

  async function save(settings) {
    try {
      await ns.ext.storage.sync.set({ [KEY]: sanitize(settings) });
    } catch {
      // Not fatal: the reader keeps working with the in-memory settings.
    }
  }

  // ---- known-site settings (the lists issue) --------------------------------
  //
  // storage.local (imports can be large: storage.sync allows 8 KB an item):
  //   schema: SCHEMA_VERSION
  //   sites: {
  //     user:     [{ site, added }]          sites the user asked to clean (registrable domains)
  //     imports:  [{ id, name, format, text, enabled }]
  //     optional: { <built-in list id>: true }   optional lists switched on
  //     auto_off: [site]                     per-site switch: auto-clean off
  //   }
  // Schema history:
  //   0: no `schema` key (unmirror 0.1.0 before site lists): only the reader
  //      settings, in storage.sync under `reader`.
  //   1: the layout above. The reader settings stay in storage.sync.
  // Every version migrates step by step to SCHEMA_VERSION; a schema newer than
  // this code (a downgrade) is read as far as it is understood and never written
  // over, so an extension rollback loses nothing.
  const SCHEMA_VERSION = 1;
  const SITES_KEY = 'sites';
  const MAX_IMPORTS = 50;
  const SITE_RE = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$|^\[[0-9a-f:.]+\]$/;

  function defaultSites() {
    return { user: [], imports: [], optional: {}, auto_off: [] };
  }

  const isSite = (v) => typeof v === 'string' && v.length <= 253 && SITE_RE.test(v);

  function sanitizeSites(raw) {
    const out = defaultSites();
    if (typeof raw !== 'object' || raw === null) return out;
    const seen = new Set();
    for (const u of Array.isArray(raw.user) ? raw.user : []) {
      const site = typeof u === 'string' ? u : u?.site;
      if (!isSite(site) || seen.has(site)) continue;
      seen.add(site);
      out.user.push({ site, added: Number.isFinite(u?.added) ? u.added : 0 });
    }
    const ids = new Set();
    for (const i of Array.isArray(raw.imports) ? raw.imports.slice(0, MAX_IMPORTS) : []) {
      if (typeof i !== 'object' || i === null || typeof i.text !== 'string') continue;
      if (typeof i.id !== 'string' || !/^import-[0-9a-z-]{1,40}$/.test(i.id) || ids.has(i.id)) continue;
      ids.add(i.id);
      out.imports.push({
        id: i.id,
        name: typeof i.name === 'string' ? i.name.slice(0, 200) : i.id,
        format: typeof i.format === 'string' ? i.format : 'auto',
        text: i.text,
        enabled: i.enabled !== false,
      });
    }
    if (typeof raw.optional === 'object' && raw.optional !== null) {
      for (const [k, v] of Object.entries(raw.optional)) if (v === true && /^[a-z0-9-]{1,80}$/.test(k)) out.optional[k] = true;
    }
    out.auto_off = [...new Set((Array.isArray(raw.auto_off) ? raw.auto_off : []).filter(isSite))];
    return out;
  }

  // One function per step: MIGRATIONS[n] turns schema n into n + 1. Each takes
  // and returns { local, sync } (the two storage areas' raw contents).
  const MIGRATIONS = [
    // 0 -> 1: the reader settings are re-validated where they are; the site
    // settings start empty.
    ({ local, sync }) => ({
      local: { ...local, schema: 1, [SITES_KEY]: defaultSites() },
      sync: { ...sync, [KEY]: sanitize(sync?.[KEY]) },
    }),
  ];

  /**
   * Bring stored data to SCHEMA_VERSION. `local` and `sync` are the raw contents
   * of storage.local and storage.sync. Returns { local, sync, from, changed,
   * readOnly, reader, sites } where `reader` and `sites` are validated and
   * `changed` says whether `local`/`sync` must be written back (never when
   * `readOnly`: the data is from a newer version).
   */
  function migrate(local, sync) {
    local = typeof local === 'object' && local !== null ? local : {};
    sync = typeof sync === 'object' && sync !== null ? sync : {};
    const stored = Number.isInteger(local.schema) && local.schema >= 0 ? local.schema : 0;
    const from = stored;
    let state = { local, sync };
    for (let v = stored; v < SCHEMA_VERSION; v++) state = MIGRATIONS[v](state);
    const readOnly = from > SCHEMA_VERSION;
    return {
      local: state.local,
      sync: state.sync,
      from,
      changed: from < SCHEMA_VERSION,
      readOnly,
      reader: sanitize(state.sync[KEY]),
      sites: sanitizeSites(state.local[SITES_KEY]),
    };
  }

  /** Read both areas, migrate, write back when a migration ran. */
  async function loadAll() {
    let local = {};
    let sync = {};
    try {
      local = await ns.ext.storage.local.get(null);
    } catch {
      /* storage unavailable: defaults */
    }
    try {
      sync = await ns.ext.storage.sync.get(KEY);
    } catch {
      /* sync off by policy */
    }
    const m = migrate(local, sync);
    if (m.changed && !m.readOnly) {
      try {
        await ns.ext.storage.local.set({ schema: m.local.schema, [SITES_KEY]: m.local[SITES_KEY] });
        await ns.ext.storage.sync.set({ [KEY]: m.sync[KEY] });
      } catch {
        /* keep going with the migrated values in memory */
      }
    }
    return m;
  }

  async function loadSites() {
    return (await loadAll()).sites;
  }

  /** Save the site settings; refuses (returns false) over data from a newer version. */
  async function saveSites(sites) {
    const m = await loadAll();
    if (m.readOnly) return false;
    await ns.ext.storage.local.set({ schema: SCHEMA_VERSION, [SITES_KEY]: sanitizeSites(sites) });
    return true;
  }

  ns.settings = Object.freeze({
    SCHEMA_VERSION,
    SITES_KEY,
    defaultSites,
    sanitizeSites,
    isSite,
    migrate,
    loadAll,
    loadSites,
    saveSites,
    KEY,
    CHOICES,
    DEFAULTS,
    SIZE_MIN,
    SIZE_MAX,
    SIZE_STEP,
    sanitize,
    load,
    save,
  });
})();
