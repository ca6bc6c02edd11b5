// All end-to-end tests, in order (one browser at a time: the machine is small).
// `./build.sh test` runs this after building dist/ and www/pkg.
import './lint.test.mjs';
import './core-data.test.mjs';
import './sites-recovery.test.mjs';
import './settings.test.mjs';
import './chromium.test.mjs';
import './renderer.test.mjs';
import './export.test.mjs';
import './xss.test.mjs';
import './hostile.test.mjs';
import './privilege.test.mjs';
import './firefox.test.mjs';
import './sites.test.mjs';
import './sites-firefox.test.mjs';
