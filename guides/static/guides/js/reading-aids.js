// Coéduc guides — reading aids: listen (the whole guide, step by step), keep for offline, print.
// Larger text is site-wide: coeduc/js/coeduc.js.
(function () {
  "use strict";
  var PAUSE_BETWEEN_PARTS_MS = 700;
  var VOICES_WAIT_MS = 1500;

  document.addEventListener("DOMContentLoaded", function () {
    var aids = document.querySelector("[data-reading-aids]");
    var root = document.querySelector("[data-guide]");
    if (!aids || !root) { return; }
    var status = aids.querySelector("[data-aids-status]");
    aids.hidden = false;

    // Say it where the parent is looking: the status line sits under the buttons, which
    // may be at the bottom edge of a phone's screen.
    function say(text) {
      status.textContent = text;
      if (text && status.scrollIntoView) { status.scrollIntoView({ block: "nearest" }); }
    }

    aids.querySelector("[data-print]").addEventListener("click", function () { window.print(); });
    setUpListening(aids, root, say);

    var keep = aids.querySelector("[data-keep-offline]");
    if ("serviceWorker" in navigator && "caches" in window) {
      // The service worker keeps every guide opened: list it on the offline page.
      rememberOffline(root);
      keep.hidden = false;
      keep.addEventListener("click", function () {
        keepOffline(root).then(function () {
          say(keep.getAttribute("data-done"));
        }, function () {
          say(keep.getAttribute("data-failed"));
        });
      });
    }
  });

  // --- Listen ---------------------------------------------------------------------------
  // The guide is read part by part (its heading, then each step or easy-read section), with a
  // short silence between parts; "Pause" stops at the current part and "Resume" reads it again.
  function setUpListening(aids, root, say) {
    var listen = aids.querySelector("[data-listen]");
    var stop = aids.querySelector("[data-listen-stop]");
    var synth = window.speechSynthesis;
    if (!listen || !synth || !("SpeechSynthesisUtterance" in window)) { return; }  // stays hidden
    var lang = root.getAttribute("data-lang") || document.documentElement.lang;
    var parts = readingParts(root, listen.getAttribute("data-reading") || "{title}");
    var state = { playing: false, index: 0, timer: null, run: 0 };
    listen.hidden = false;

    function label(name) { return listen.getAttribute("data-label-" + name); }
    function mark(index) {
      parts.forEach(function (part, i) { if (part.el) { part.el.classList.toggle("is-read-aloud", i === index); } });
    }
    function show() {
      listen.textContent = state.playing ? label("pause") : (state.index > 0 ? label("resume") : label("listen"));
      listen.setAttribute("aria-pressed", String(state.playing));
      stop.hidden = !state.playing && state.index === 0;
    }
    function halt() {
      state.run += 1;  // the utterance being cancelled must not move on to the next part
      clearTimeout(state.timer);
      synth.cancel();
      state.playing = false;
    }
    function finish() {
      halt();
      state.index = 0;
      mark(-1);
      show();
    }
    function speak(voice) {
      var run = state.run;
      if (state.index >= parts.length) { finish(); say(listen.getAttribute("data-finished")); return; }
      var part = parts[state.index];
      var utterance = new SpeechSynthesisUtterance(part.text);
      utterance.lang = voice.lang || lang;
      utterance.voice = voice;
      utterance.onend = function () {
        if (run !== state.run) { return; }
        state.index += 1;
        state.timer = setTimeout(function () { if (run === state.run) { speak(voice); } }, PAUSE_BETWEEN_PARTS_MS);
      };
      utterance.onerror = function (event) {
        if (run !== state.run || event.error === "interrupted" || event.error === "canceled") { return; }
        finish();
        say(listen.getAttribute("data-failed"));
      };
      mark(state.index);
      if (part.el && part.el.scrollIntoView) { part.el.scrollIntoView({ block: "nearest" }); }
      say(part.label);
      synth.speak(utterance);
    }

    listen.addEventListener("click", function () {
      if (state.playing) {
        halt();
        show();
        say(listen.getAttribute("data-paused"));
        return;
      }
      findVoice(synth, lang).then(function (voice) {
        if (!voice) {
          // Nothing would be heard: say why, and do not offer it again on this device.
          say(listen.getAttribute("data-no-voice"));
          listen.hidden = true;
          stop.hidden = true;
          return;
        }
        if (state.index === 0) { state.index = startingPart(parts); }
        halt();
        state.playing = true;
        show();
        speak(voice);
      });
    });
    stop.addEventListener("click", function () { finish(); say(""); listen.focus(); });
  }

  // A voice for the guide's language: the browser may list its voices only after a while.
  function findVoice(synth, lang) {
    var wanted = (lang || "").toLowerCase().split("-")[0];
    function pick() {
      var voices = synth.getVoices() || [];
      return voices.filter(function (voice) {
        return (voice.lang || "").toLowerCase().replace("_", "-").split("-")[0] === wanted;
      })[0] || null;
    }
    var voice = pick();
    if (voice || !synth.addEventListener) { return Promise.resolve(voice); }
    return new Promise(function (resolve) {
      var timer = setTimeout(function () { resolve(pick()); }, VOICES_WAIT_MS);
      synth.addEventListener("voiceschanged", function changed() {
        var found = pick();
        if (found) {
          clearTimeout(timer);
          synth.removeEventListener("voiceschanged", changed);
          resolve(found);
        }
      });
    });
  }

  // The guide in the order it reads: its heading, then each step (or easy-read section).
  function readingParts(root, template) {
    var parts = [];
    var header = root.querySelector(".guide__header");
    if (header) {
      var title = header.querySelector("h1");
      var promise = header.querySelector(".guide__promise");
      parts.push({ el: null, step: null, label: "", text: [title, promise].filter(Boolean).map(textOf).join(". ") });
    }
    root.querySelectorAll(".step, .easy-read").forEach(function (el) {
      var heading = el.querySelector("h2");
      var pieces = [heading ? textOf(heading) : ""];
      el.querySelectorAll("[data-listen-text], .callout").forEach(function (piece) { pieces.push(textOf(piece)); });
      parts.push({
        el: el,
        label: template.replace("{title}", heading ? textOf(heading) : ""),
        text: pieces.filter(Boolean).join(". ")
      });
    });
    return parts;
  }

  // Start at the first step not done yet, when some are done; else from the top.
  function startingPart(parts) {
    function done(part) { return part.el && part.el.classList.contains("step--done"); }
    if (!parts.some(done)) { return 0; }
    for (var i = 0; i < parts.length; i += 1) {
      if (parts[i].el && !done(parts[i])) { return i; }
    }
    return 0;
  }

  function textOf(el) { return (el.innerText || el.textContent || "").replace(/\s+/g, " ").trim(); }

  // --- Keep for offline -----------------------------------------------------------------
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
