// Sets the theme before first paint: the learner's choice, else the system setting (an embed's
// ?theme=dark|light wins). A file, not an inline script, so the Content Security Policy needs no
// hash for it. Also marks that JavaScript runs: without it, demos show only their <noscript> note.
(function () {
  var root = document.documentElement;
  root.classList.add('js');
  var t = null;
  if (root.hasAttribute('data-embed')) {
    var q = new URLSearchParams(location.search.slice(0, 200)).get('theme');
    if (q === 'dark' || q === 'light') t = q;
  }
  try { t = t || localStorage.getItem('regularization-lab:theme'); } catch (e) {}
  if (t !== 'light' && t !== 'dark') t = matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
  root.dataset.theme = t;
})();

// A chapter's first frame draws the top of the page and, at once, every piece of the chapter
// near the screen (content-visibility: auto draws up to half a screen beyond it, in the same frame).
// With the CPU slowed 4x that one frame took 220-250 ms. Held back for one frame (`cv-staged`,
// global.css), the pieces are drawn in the next frame, as its own task. Not when the address names
// a place on the page: the browser must be able to scroll to it at once.
(function () {
  if (location.hash) return;
  var root = document.documentElement;
  root.classList.add('cv-staged');
  requestAnimationFrame(function () {
    setTimeout(function () { root.classList.remove('cv-staged'); }, 0);
  });
})();
