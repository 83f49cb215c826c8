/* Two things Material 9.8 leaves out for keyboard and screen-reader users (axe-core in
   tests/test_accessibility.py; Lighthouse's accessibility score counts both).

   1. The search dialog has no accessible name (axe: aria-dialog-name, serious). It gets the name of
      the search form's own options, which Material already words in the page's language. */
(function () {
  "use strict";
  var dialog = document.querySelector(".md-search[role=dialog]");
  var named = document.querySelector(".md-search__options[aria-label]");
  if (dialog && named && !dialog.hasAttribute("aria-label")) dialog.setAttribute("aria-label", named.getAttribute("aria-label"));
})();

/* 2. Boxes that scroll sideways inside the article (wide display math, code, lab output, wide tables) must
   be reachable by keyboard (WCAG 2.1.1; axe: scrollable-region-focusable, serious: on a phone, wide
   display math overflows on every chapter): each is a tab stop while, and only while, it
   overflows. Material does this for code blocks when they come into view (content.lazy), not for math,
   tables or notebook output. Checked after load, after fonts arrive (the math font changes widths) and on resize.
   <html data-scroll-boxes="checked"> says a pass has finished (tests wait for it). */
(function () {
  "use strict";
  var BOXES = "article div.arithmatex, article pre > code, article .highlight-ipynb, " +
              "article .jp-OutputArea-output pre, article .md-typeset__scrollwrap";
  var queued = false;

  function check() {
    queued = false;
    var boxes = Array.prototype.slice.call(document.querySelectorAll(BOXES));
    var overflows = boxes.map(function (box) { return box.scrollWidth > box.clientWidth + 1; });  // reads first
    boxes.forEach(function (box, i) {                                                            // then writes
      if (overflows[i]) box.setAttribute("tabindex", "0");
      else if (box.getAttribute("tabindex") === "0") box.removeAttribute("tabindex");
    });
    document.documentElement.setAttribute("data-scroll-boxes", "checked");
  }

  function checkSoon() {
    if (!queued) (window.requestIdleCallback || setTimeout)(check);
    queued = true;
  }

  if (document.readyState === "complete") checkSoon();
  else window.addEventListener("load", checkSoon);
  window.addEventListener("resize", checkSoon);
  if (document.fonts) document.fonts.addEventListener("loadingdone", checkSoon);
})();
