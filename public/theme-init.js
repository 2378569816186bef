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
