// build.sh helper: prints extension/lib/content-files.js's AUTO_FILES as JSON, for
// the manifest's content_scripts (the built-in auto-clean hosts).
// usage: node tools/content-files.mjs <path to content-files.js>
// The file is an ES module the extension loads as-is; Node 20 reads a .js file
// outside a "type": "module" package as CommonJS, so it is imported as a data: URL.
import fs from 'node:fs';

const src = fs.readFileSync(process.argv[2], 'utf8');
const mod = await import(`data:text/javascript,${encodeURIComponent(src)}`);
if (!Array.isArray(mod.AUTO_FILES) || !mod.AUTO_FILES.every((f) => typeof f === 'string')) {
  throw new Error(`${process.argv[2]}: AUTO_FILES is not a list of file names`);
}
process.stdout.write(JSON.stringify(mod.AUTO_FILES));
