// web-ext lint on the Firefox release package: no errors allowed; warnings and
// notices are printed for review.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { REPO } from './server.mjs';

const WEB_EXT = path.join(REPO, 'tests/e2e/node_modules/.bin/web-ext');

describe('web-ext lint', () => {
  it('dist/firefox has 0 errors', () => {
    let out;
    try {
      out = execFileSync(WEB_EXT, ['lint', '--source-dir', path.join(REPO, 'dist/firefox'), '--output=json', '--self-hosted=false'], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      });
    } catch (e) {
      out = e.stdout; // web-ext exits non-zero when it finds errors; the JSON says which
    }
    const report = JSON.parse(out);
    for (const kind of ['errors', 'warnings', 'notices']) {
      for (const m of report[kind] ?? []) console.log(`  ${kind.slice(0, -1)}: ${m.code} ${m.file ?? ''} ${m.message}`);
    }
    assert.deepEqual((report.errors ?? []).map((e) => `${e.code}: ${e.message}`), []);
  });
});
