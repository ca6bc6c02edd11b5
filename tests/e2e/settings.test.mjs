// Unit tests (node, no browser) of extension/lib/settings.js: the stored
// settings' schema and its migration path. The file is the classic script the
// extension loads; it runs here in a vm context with a fake storage.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { REPO } from './server.mjs';

// Objects made inside the vm have its realm's prototypes: compare as JSON.
const plain = (v) => (v === undefined ? v : JSON.parse(JSON.stringify(v)));
const eq = (a, b, msg) => assert.deepEqual(plain(a), plain(b), msg);

const SOURCE = fs.readFileSync(path.join(REPO, 'extension/lib/settings.js'), 'utf8');

/** settings.js over an in-memory storage holding `local` and `sync`. */
function load(local = {}, sync = {}) {
  const areas = { local: structuredClone(local), sync: structuredClone(sync) };
  const area = (name) => ({
    get: async (keys) => {
      const all = areas[name];
      if (keys === null || keys === undefined) return structuredClone(all);
      const list = Array.isArray(keys) ? keys : [keys];
      return Object.fromEntries(list.filter((k) => k in all).map((k) => [k, structuredClone(all[k])]));
    },
    set: async (items) => Object.assign(areas[name], structuredClone(items)),
  });
  const ctx = { unmirror: { ext: { storage: { local: area('local'), sync: area('sync') } } } };
  ctx.globalThis = ctx;
  vm.runInNewContext(SOURCE, ctx);
  return { S: ctx.unmirror.settings, areas };
}

describe('settings: schema and migration', () => {
  it('migrates a stored schema-0 profile (reader settings only) to the current schema', async () => {
    const v0 = { reader: { theme: 'dark', font: 'sans', size: 24, width: 'wide', line_height: 1.8 } };
    const { S, areas } = load({}, v0);
    assert.equal(S.SCHEMA_VERSION, 1);
    const m = await S.loadAll();
    assert.equal(m.from, 0);
    assert.equal(m.changed, true);
    eq(m.reader, v0.reader, 'the reader settings survive');
    eq(m.sites, S.defaultSites());
    // Written back: the next start reads schema 1 and migrates nothing.
    assert.equal(areas.local.schema, 1);
    eq(areas.local.sites, S.defaultSites());
    eq(areas.sync.reader, v0.reader);
    const again = await S.loadAll();
    assert.equal(again.from, 1);
    assert.equal(again.changed, false);
  });

  it('the migration re-validates what it carries over', () => {
    const { S } = load();
    const m = S.migrate(undefined, { reader: { theme: 'neon', size: 99, font: 'mono' } });
    eq(m.reader, { ...S.DEFAULTS, font: 'mono' });
  });

  it('schema-1 data is sanitized: bad sites, duplicate imports and unknown keys are dropped', () => {
    const { S } = load();
    const m = S.migrate(
      {
        schema: 1,
        sites: {
          user: [{ site: 'example.com', added: 5 }, 'plain.example', { site: 'bad host' }, { site: 'example.com' }],
          imports: [
            { id: 'import-a', name: 'A', format: 'domains', text: 'a.example' },
            { id: 'import-a', name: 'dup', format: 'domains', text: 'b.example' },
            { id: 'evil', text: 'x' },
          ],
          optional: { 'cft-content-farms': true, 'infinitytec-clickbait': 'yes' },
          auto_off: ['fastseoul.com', 'fastseoul.com', 42],
          extra: 1,
        },
      },
      {},
    );
    assert.equal(m.changed, false);
    eq(m.sites.user, [
      { site: 'example.com', added: 5 },
      { site: 'plain.example', added: 0 },
    ]);
    eq(m.sites.imports.map((i) => i.id), ['import-a']);
    assert.equal(m.sites.imports[0].enabled, true);
    eq(m.sites.optional, { 'cft-content-farms': true });
    eq(m.sites.auto_off, ['fastseoul.com']);
  });

  it('data from a newer version is read, never written over', async () => {
    const future = { schema: 99, sites: { user: [{ site: 'kept.example', added: 1 }] }, future_key: 'x' };
    const { S, areas } = load(future, {});
    const m = await S.loadAll();
    assert.equal(m.readOnly, true);
    eq(m.sites.user.map((u) => u.site), ['kept.example']);
    assert.equal(await S.saveSites({ ...S.defaultSites(), user: [{ site: 'other.example' }] }), false);
    eq(areas.local, future, 'storage untouched');
  });

  it('saving sites stamps the schema', async () => {
    const { S, areas } = load({ schema: 1, sites: S_defaults() }, {});
    assert.equal(await S.saveSites({ user: [{ site: 'new.example', added: 3 }] }), true);
    assert.equal(areas.local.schema, 1);
    eq(areas.local.sites.user, [{ site: 'new.example', added: 3 }]);
  });
});

function S_defaults() {
  return { user: [], imports: [], optional: {}, auto_off: [] };
}
