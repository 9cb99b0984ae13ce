// Coéduc guides — mark steps done. Signed in: saved on the server; otherwise in this browser.
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    var root = document.querySelector("[data-guide]");
    var store = window.coeducStore;
    if (!root || !store) { return; }
    var key = root.getAttribute("data-guide");
    var steps = (root.getAttribute("data-steps") || "").split(" ").filter(Boolean);
    var serverUrl = root.getAttribute("data-progress-url");
    var boxes = root.querySelectorAll("[data-step-done]");
    var status = root.querySelector("[data-progress]");
    var complete = root.querySelector("[data-complete]");
    if (!boxes.length) { return; }

    function doneSteps() {
      var done = [];
      boxes.forEach(function (box) { if (box.checked) { done.push(box.getAttribute("data-step-done")); } });
      return done;
    }
    function show(announceCompletion) {
      var done = doneSteps();
      boxes.forEach(function (box) {
        box.closest(".step").classList.toggle("step--done", box.checked);
      });
      if (status) {
        // One sentence per count, from the server's ngettext: "1 étape faite", "0 étape".
        var texts = JSON.parse(status.getAttribute("data-templates") || "{}");
        status.textContent = texts[done.length] || done.length + "/" + steps.length;
        status.hidden = false;
      }
      var finished = done.length === steps.length;
      if (complete) {
        complete.hidden = !finished;
        if (finished && announceCompletion) { complete.focus(); }
      }
    }
    function saveLocally() {
      var all = store.progress();
      var done = doneSteps();
      all[key] = {
        steps: done,
        total: steps.length,
        // Where "continue where you stopped" leads: the first step not done yet.
        next: steps.filter(function (step) { return done.indexOf(step) === -1; })[0] || null,
        url: root.getAttribute("data-guide-url"),
        title: root.getAttribute("data-guide-title"),
        lang: document.documentElement.lang,
        updated: Date.now()
      };
      store.saveProgress(all);
    }
    function saveOnServer(box) {
      return fetch(serverUrl, {
        method: "POST",
        credentials: "same-origin",
        headers: { "Content-Type": "application/json", "X-CSRFToken": root.getAttribute("data-csrf") },
        body: JSON.stringify({ guide: key, step: box.getAttribute("data-step-done"), done: box.checked })
      }).then(function (response) {
        if (!response.ok) { throw new Error(response.status); }
      }).catch(function () {
        box.checked = !box.checked;  // not saved: show what is really recorded
        show(false);
      });
    }

    if (!serverUrl) {
      var kept = (store.progress()[key] || {}).steps || [];
      boxes.forEach(function (box) { box.checked = kept.indexOf(box.getAttribute("data-step-done")) !== -1; });
    }
    boxes.forEach(function (box) {
      box.closest("[hidden]").hidden = false;
      box.addEventListener("change", function () {
        show(true);
        if (serverUrl) { saveOnServer(box); } else { saveLocally(); }
      });
    });
    show(false);
    // Arriving at a step (#step-…, "continue where you stopped"): showing the progress and the
    // checkboxes above it has moved it down since the browser scrolled to it.
    var target = location.hash && document.getElementById(location.hash.slice(1));
    if (target && target.classList.contains("step")) { target.scrollIntoView(); }
  });
})();
