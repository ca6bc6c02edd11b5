// Helpers shared by the browser tests: the artifacts folder and what the tests
// read from a page (the same JavaScript runs through Playwright in Chromium and
// through WebDriver in Firefox).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ARTIFACTS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'artifacts');
fs.mkdirSync(ARTIFACTS, { recursive: true });

/** Page-side function: what the open overlay shows (null when closed). */
export const READ_OVERLAY = `
  const host = document.querySelector('unmirror-reader');
  const r = host && host.shadowRoot;
  if (!r) return null;
  const dialog = r.querySelector('.reader');
  const q = (s) => r.querySelector(s);
  return {
    route: host.dataset.route || null,
    localFailure: host.dataset.localFailure || null,
    timings: host.dataset.timings ? JSON.parse(host.dataset.timings) : null,
    dialogRole: dialog && dialog.getAttribute('role'),
    ariaModal: dialog && dialog.getAttribute('aria-modal'),
    ariaLabel: dialog && dialog.getAttribute('aria-label'),
    focusInside: document.activeElement === host && r.activeElement === dialog,
    htmlOverflow: getComputedStyle(document.documentElement).overflow,
    title: (q('h1.title') || {}).textContent || '',
    text: (q('.content') || {}).textContent || '',
    images: [...r.querySelectorAll('.content img')].map((i) => i.src),
    attribution: ((q('[data-unmirror="attribution"]') || {}).textContent || '').trim(),
    message: (q('.message') || {}).textContent || '',
    messageRole: q('.message') && q('.message').getAttribute('role'),
  };
`;

/** Page-side function: what must be identical before opening and after closing. */
export const PAGE_STATE = `
  const a = document.activeElement;
  return {
    html: document.documentElement.outerHTML,
    scrollY: Math.round(window.scrollY),
    active: a ? a.outerHTML.slice(0, 200) : null,
  };
`;

export const readOverlay = (page) => page.evaluate(new Function(READ_OVERLAY));
export const pageState = (page) => page.evaluate(new Function(PAGE_STATE));

/**
 * Checks on what the core makes of a page, for stages still stubbed on this
 * branch. Each listed check must fail today (it is run, and its failure is
 * printed); when one starts passing, the test fails so that its entry is
 * deleted here and the check becomes an ordinary assertion. (The known_failure
 * convention of tests/pages, applied to the browser tests.)
 */
export const KNOWN_CORE_GAPS = {
  'hidden-excluded':
    'the skeleton extract stage keeps elements marked `hidden` (the Readability port drops them: _isProbablyVisible)',
  'lazy-image-rendered': 'the skeleton render stage writes text paragraphs only, no <img>',
};

export function coreCheck(key, fn) {
  if (!(key in KNOWN_CORE_GAPS)) return fn();
  try {
    fn();
  } catch (e) {
    console.log(`  known core gap "${key}": ${KNOWN_CORE_GAPS[key]} (${e.message.split('\n')[0]})`);
    return undefined;
  }
  throw new Error(`known core gap "${key}" now passes: delete it from KNOWN_CORE_GAPS in tests/e2e/common.mjs`);
}
