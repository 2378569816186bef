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
// With the CPU slowed 4x that one frame took 220-250 ms. Held back (`cv-staged`, global.css), the
// pieces near the screen are drawn one per frame instead, each a task of its own (the first piece
// with equations, the largest, took 100-160 ms alone), in page order; then the class comes off and
// content-visibility: auto takes over. An embed page is one demo, and its first frame drew all of it
// (120-350 ms at 4x, with every font's first use): there each part of the demo, top to bottom, is a
// piece (the longest load-time task, 51-141 ms). Not when the address names a place on the page: the
// browser must be able to scroll to it at once.
(function () {
  if (location.hash) return;
  var root = document.documentElement;
  root.classList.add('cv-staged');
  document.addEventListener('DOMContentLoaded', function () {
    // An embed page is one demo: every part of it is drawn, near the window or not (its iframe may
    // be any height; a <noscript> has nothing to draw). A chapter: the pieces near the screen.
    var demoParts = Array.prototype.filter.call(document.querySelectorAll('main.embed .demo > *'), function (p) { return p.tagName !== 'NOSCRIPT'; });
    var pieces = demoParts.length ? demoParts : document.querySelectorAll('.chapter-chunk');
    var near = new Set(demoParts);
    var seen = null;
    // After a frame has been drawn: the next piece near the screen, or the end of the staging.
    function afterFrame() { requestAnimationFrame(function () { setTimeout(drawNext, 0); }); }
    function drawNext() {
      for (var i = 0; i < pieces.length; i++) {
        if (near.has(pieces[i]) && !pieces[i].classList.contains('cv-drawn')) {
          pieces[i].classList.add('cv-drawn');
          return afterFrame();
        }
      }
      if (seen) seen.disconnect();
      root.classList.remove('cv-staged');
    }
    if (demoParts.length || !pieces.length) return afterFrame();
    // The margin content-visibility: auto draws within (Chromium's, half the viewport).
    var started = false;
    seen = new IntersectionObserver(function (entries) {
      entries.forEach(function (e) { if (e.isIntersecting) near.add(e.target); else near.delete(e.target); });
      if (!started) { started = true; setTimeout(drawNext, 0); }
    }, { rootMargin: '50%' });
    pieces.forEach(function (p) { seen.observe(p); });
  });
})();
