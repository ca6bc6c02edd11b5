// TEST BUILDS ONLY (dist/*-test; never in a release package: build.sh leaves
// the test/ folder out). WebDriver cannot click a toolbar button, so the page
// posts {type: 'unmirror-test:action'} and this content script asks the
// background to run the same handleAction() the button runs.
(function () {
  'use strict';
  const { ext, messages: M } = globalThis.unmirror;
  window.addEventListener('message', (e) => {
    if (e.source !== window || e.data?.type !== 'unmirror-test:action') return;
    ext.runtime.sendMessage({ type: M.TEST_ACTION }).then(
      (res) => window.postMessage({ type: 'unmirror-test:done', res: JSON.parse(JSON.stringify(res ?? null)) }, '*'),
      (err) => window.postMessage({ type: 'unmirror-test:done', res: { error: String(err) } }, '*'),
    );
  });
  document.documentElement.dataset.unmirrorTestHook = 'ready';
})();
