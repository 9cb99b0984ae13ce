// Coéduc guides — the offline page lists the guides this device has kept.
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    var list = document.querySelector("[data-offline-list]");
    var store = window.coeducStore;
    if (!list || !store) { return; }
    var items = {};
    var saved = store.offline();
    Object.keys(saved).forEach(function (url) { items[url] = saved[url].title; });
    var progress = store.progress();
    Object.keys(progress).forEach(function (key) {
      if (progress[key].url) { items[progress[key].url] = progress[key].title; }
    });
    Object.keys(items).forEach(function (url) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = url;
      a.textContent = items[url] || url;
      li.appendChild(a);
      list.appendChild(li);
    });
  });
})();
