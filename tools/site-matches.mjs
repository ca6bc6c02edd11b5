// build.sh helper: the manifest content_scripts `matches` for the built-in lists
// that are on by default (mirror and clone lists), computed by the core itself
// (check_list's hosts: plain host rules; wildcard, regex and path-only rules
// still match on a click but name no host to match on load).
// usage: node tools/site-matches.mjs <wasm-bindgen web dir> <extension/lists dir>
// Prints a JSON array of match patterns, sorted.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [pkg, lists] = process.argv.slice(2);
const glue = await import(pathToFileURL(path.resolve(pkg, 'unmirror.js')).href);
glue.initSync({ module: fs.readFileSync(path.resolve(pkg, 'unmirror_bg.wasm')) });
const index = JSON.parse(fs.readFileSync(path.join(lists, 'index.json'), 'utf8'));
const patterns = new Set();
for (const l of index.lists.filter((x) => x.default_enabled)) {
  const text = fs.readFileSync(path.join(lists, l.file), 'utf8');
  const { report, hosts } = glue.check_list(JSON.stringify({ id: l.id, kind: l.kind, format: l.format }), text);
  if (report.error_count) throw new Error(`${l.file}: ${report.error_count} malformed lines`);
  for (const h of hosts) patterns.add(/^[\d.]+$/.test(h) || h.startsWith('[') ? `*://${h}/*` : `*://*.${h}/*`);
}
process.stdout.write(JSON.stringify([...patterns].sort()));
