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

  ns.settings = Object.freeze({
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
