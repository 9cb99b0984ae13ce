// Coéduc guides — after sign-in, move the progress kept by this browser into the account.
(function () {
  "use strict";
  var script = document.currentScript;
  document.addEventListener("DOMContentLoaded", function () {
    var store = window.coeducStore;
    if (!store || !script || !window.fetch) { return; }
    var progress = store.progress();
    var guides = {};
    Object.keys(progress).forEach(function (key) {
      if ((progress[key].steps || []).length) { guides[key] = progress[key].steps; }
    });
    if (!Object.keys(guides).length) { return; }
    fetch(script.getAttribute("data-merge-url"), {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRFToken": script.getAttribute("data-csrf") },
      body: JSON.stringify({ guides: guides })
    }).then(function (response) {
      if (response.ok) { store.clearProgress(); }
    }).catch(function () { /* offline: try again on the next page */ });
  });
})();
