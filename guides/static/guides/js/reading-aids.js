// Coéduc guides — reading aids: listen, larger text (remembered), keep for offline, print.
(function () {
  "use strict";
  var LARGER = "coeduc.largerText";
  function remembered() { try { return localStorage.getItem(LARGER) === "1"; } catch (e) { return false; } }
  function remember(on) { try { localStorage.setItem(LARGER, on ? "1" : "0"); } catch (e) { /* private mode */ } }
  if (remembered()) { document.documentElement.classList.add("text-larger"); }

  document.addEventListener("DOMContentLoaded", function () {
    var aids = document.querySelector("[data-reading-aids]");
    var root = document.querySelector("[data-guide]");
    if (!aids || !root) { return; }
    var status = aids.querySelector("[data-aids-status]");
    aids.hidden = false;

    var larger = aids.querySelector("[data-larger-text]");
    larger.setAttribute("aria-pressed", String(remembered()));
    larger.addEventListener("click", function () {
      var on = document.documentElement.classList.toggle("text-larger");
      larger.setAttribute("aria-pressed", String(on));
      remember(on);
    });

    aids.querySelector("[data-print]").addEventListener("click", function () { window.print(); });

    var listen = aids.querySelector("[data-listen]");
    if ("speechSynthesis" in window && "SpeechSynthesisUtterance" in window) {
      listen.hidden = false;
      listen.addEventListener("click", function () {
        if (window.speechSynthesis.speaking) {
          window.speechSynthesis.cancel();
          listen.setAttribute("aria-pressed", "false");
          return;
        }
        var utterance = new SpeechSynthesisUtterance(currentText(root));
        utterance.lang = root.getAttribute("data-lang") || document.documentElement.lang;
        utterance.onend = utterance.onerror = function () { listen.setAttribute("aria-pressed", "false"); };
        listen.setAttribute("aria-pressed", "true");
        window.speechSynthesis.speak(utterance);
      });
    }

    var keep = aids.querySelector("[data-keep-offline]");
    if ("serviceWorker" in navigator && "caches" in window) {
      // The service worker keeps every guide opened: list it on the offline page.
      rememberOffline(root);
      keep.hidden = false;
      keep.addEventListener("click", function () {
        keepOffline(root).then(function () {
          status.textContent = keep.getAttribute("data-done");
        }, function () {
          status.textContent = keep.getAttribute("data-failed");
        });
      });
    }
  });

  // The step in view that is not done yet, or the first such step; else the whole text.
  function currentText(root) {
    var steps = Array.prototype.slice.call(root.querySelectorAll(".step, .easy-read"));
    var visible = steps.filter(function (step) {
      var box = step.getBoundingClientRect();
      return box.bottom > 0 && box.top < window.innerHeight && !step.classList.contains("step--done");
    });
    var step = visible[0] || steps.filter(function (s) { return !s.classList.contains("step--done"); })[0] || steps[0];
    if (!step) { return root.innerText; }
    var title = step.querySelector("h2");
    var parts = [title ? title.innerText : ""];
    step.querySelectorAll("[data-listen-text]").forEach(function (el) { parts.push(el.innerText); });
    return parts.join(". ");
  }

  // Put the page, its images, styles and scripts in the cache the service worker reads.
  function keepOffline(root) {
    var urls = [location.pathname + location.search];
    document.querySelectorAll("link[rel=stylesheet], script[src]").forEach(function (el) {
      urls.push(el.href || el.src);
    });
    root.querySelectorAll("img").forEach(function (img) { urls.push(img.currentSrc || img.src); });
    return caches.open("coeduc-guides-v1").then(function (cache) {
      return cache.addAll(urls);
    }).then(function () { rememberOffline(root); });
  }

  function rememberOffline(root) {
    var store = window.coeducStore;
    if (!store) { return; }
    var saved = store.offline();
    saved[location.pathname + location.search] = { title: root.getAttribute("data-guide-title"), saved: Date.now() };
    store.saveOffline(saved);
  }
})();
