// A page script: counts keydowns the page sees (the reader must not leak key
// events to the page) and proves scripts run on the page.
window.pageKeydowns = 0;
document.addEventListener('keydown', () => { window.pageKeydowns++; });
