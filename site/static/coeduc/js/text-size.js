// Coéduc — larger text on every page, remembered by this browser: the [data-larger-text]
// button of the header (any such button; they stay in step).
(function () {
  "use strict";
  var KEY = "coeduc.largerText";
  var CLASS = "text-larger";
  function remembered() { try { return localStorage.getItem(KEY) === "1"; } catch (e) { return false; } }
  function remember(on) { try { localStorage.setItem(KEY, on ? "1" : "0"); } catch (e) { /* private mode */ } }
  // As early as a deferred script can: before the page is shown to the reader, mostly.
  document.documentElement.classList.toggle(CLASS, remembered());

  document.addEventListener("DOMContentLoaded", function () {
    var buttons = document.querySelectorAll("[data-larger-text]");
    function show(on) {
      buttons.forEach(function (button) {
        button.setAttribute("aria-pressed", String(on));
        button.hidden = false;  // hidden without JavaScript: it could do nothing
      });
    }
    buttons.forEach(function (button) {
      button.addEventListener("click", function () {
        var on = document.documentElement.classList.toggle(CLASS);
        remember(on);
        show(on);
      });
    });
    show(document.documentElement.classList.contains(CLASS));
  });
  // Another tab changed it: follow.
  window.addEventListener("storage", function (event) {
    if (event.key !== KEY) { return; }
    var on = event.newValue === "1";
    document.documentElement.classList.toggle(CLASS, on);
    document.querySelectorAll("[data-larger-text]").forEach(function (button) {
      button.setAttribute("aria-pressed", String(on));
    });
  });
})();
