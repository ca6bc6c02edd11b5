// The content scripts, in load order: one list for every route that puts them in
// a page. background.js injects CONTENT_FILES on a click, shortcut or context
// menu; auto-clean adds content/auto.js (which asks on load whether to open the
// reader) for the user's sites (registered by sites.js) and the built-in hosts
// (manifest content_scripts, written by build.sh through tools/content-files.mjs).
// An auto-cleaned reader is the same reader: export included.
export const CONTENT_FILES = Object.freeze([
  'lib/browser.js',
  'lib/messages.js',
  'lib/core.js',
  'lib/settings.js',
  'vendor/unmirror.nomod.js',
  'content/capture.js',
  'content/overlay.js',
  'content/export.js',
  'content/main.js',
]);

export const AUTO_FILES = Object.freeze([...CONTENT_FILES, 'content/auto.js']);
