// Coéduc guides — on the home page, "continue where you stopped" from this browser's progress.
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    var section = document.querySelector("[data-continue]");
    var store = window.coeducStore;
    if (!section || !store) { return; }
    var progress = store.progress();
    var lang = document.documentElement.lang;
    var best = null;
    Object.keys(progress).forEach(function (key) {
      var item = progress[key];
      var done = (item.steps || []).length;
      if (!item.url || !done || done >= item.total) { return; }
      var score = (item.lang === lang ? 1e15 : 0) + (item.updated || 0);
      if (!best || score > best.score) { best = { item: item, score: score }; }
    });
    if (!best) { return; }
    var link = section.querySelector("[data-continue-link]");
    // At the next step to do, not the top of the guide (progress kept before "next" existed
    // has none: the guide's top then).
    link.href = best.item.url + (best.item.next ? "#step-" + best.item.next : "");
    link.textContent = best.item.title;
    section.hidden = false;
  });
})();
