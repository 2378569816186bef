/*
 * Regularization Lab: size embedded demos to their content.
 *
 * Include once on a page that embeds course pages in iframes:
 *   <script src="https://<course address>/embed-resize.js" defer></script>
 * An embed page posts {type: "regularization-lab:resize", height} whenever its content height
 * changes; this script sets the height of the iframe that sent it. It only acts on messages whose
 * source is one of this page's iframes, from that iframe's own origin, with a sane number.
 *
 * It also re-dispatches the embed's events (training-started, run-ended, quiz-answered) as a
 * "regularization-lab" DOM event on that iframe, so a page can listen per iframe:
 *   iframe.addEventListener('regularization-lab', (e) => console.log(e.detail.type, e.detail));
 * Nothing is ever sent to the iframe. Without this script the iframe keeps its own height and scrolls.
 * License: MIT.
 */
(function () {
  'use strict';
  var PREFIX = 'regularization-lab:';
  function frameFor(source) {
    var frames = document.getElementsByTagName('iframe');
    for (var i = 0; i < frames.length; i++) if (frames[i].contentWindow === source) return frames[i];
    return null;
  }
  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || typeof data !== 'object' || typeof data.type !== 'string' || data.type.indexOf(PREFIX) !== 0) return;
    var frame = frameFor(event.source);
    if (!frame) return;
    var origin;
    try { origin = new URL(frame.src, location.href).origin; } catch (e) { return; }
    if (event.origin !== origin) return;
    if (data.type === PREFIX + 'resize') {
      var h = Number(data.height);
      if (isFinite(h) && h > 0 && h < 100000) frame.style.height = Math.ceil(h) + 'px';
      return;
    }
    try {
      frame.dispatchEvent(new CustomEvent('regularization-lab', { detail: data }));
    } catch (e) { /* very old browsers: the window's own message event still has it */ }
  });
})();
