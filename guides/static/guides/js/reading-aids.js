// Coéduc guides — reading aids: listen (the whole guide, step by step: its recordings, else the
// device's voice), keep for offline (recordings included), print.
// Larger text is site-wide: coeduc/js/coeduc.js.
(function () {
  "use strict";
  var PAUSE_BETWEEN_PARTS_MS = 700;
  var WARNING_MS = 2500;  // time to read "no voice for the parts without a recording"
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
  // The guide is heard part by part (its heading, then each step or easy-read section), with a
  // short silence between parts. A part with a recording plays it; the others are read by the
  // browser's speech synthesis, where the device has a voice for the language, and skipped
  // (with a word on screen) where it has none. "Pause" stops at the current part; "Resume"
  // goes on in the recording where it stopped, or reads the part again.
  function setUpListening(aids, root, say) {
    var listen = aids.querySelector("[data-listen]");
    var stop = aids.querySelector("[data-listen-stop]");
    var player = aids.querySelector("[data-listen-player]");
    var note = aids.querySelector("[data-listen-note]");
    if (!listen) { return; }
    var synth = window.speechSynthesis;
    var canSpeak = !!synth && "SpeechSynthesisUtterance" in window;
    var lang = root.getAttribute("data-lang") || document.documentElement.lang;
    var parts = readingParts(root, listen.getAttribute("data-reading") || "{title}");
    var recorded = !!player && !!player.play && parts.some(function (part) { return part.recording; });
    if (!canSpeak && !recorded) { return; }  // stays hidden: nothing could be heard
    var state = { playing: false, index: 0, timer: null, run: 0, voiceAsked: null, resumeAt: 0, warned: false };
    listen.hidden = false;

    function label(name) { return listen.getAttribute("data-label-" + name); }
    function message(name, part) {
      return (listen.getAttribute("data-" + name) || "").replace("{title}", part ? part.title : "");
    }
    function mark(index) {
      parts.forEach(function (part, i) { if (part.el) { part.el.classList.toggle("is-read-aloud", i === index); } });
    }
    function show() {
      listen.textContent = state.playing ? label("pause") : (state.index > 0 ? label("resume") : label("listen"));
      listen.setAttribute("aria-pressed", String(state.playing));
      stop.hidden = !state.playing && state.index === 0;
    }
    function halt() {
      state.run += 1;  // whatever was under way must not move on to the next part
      clearTimeout(state.timer);
      if (canSpeak) { synth.cancel(); }
      if (player && !player.paused) {
        state.resumeAt = player.currentTime;
        player.pause();
      }
      state.playing = false;
    }
    function finish() {
      halt();
      state.index = 0;
      state.resumeAt = 0;
      mark(-1);
      show();
    }
    // The device's voice for the language, looked for once (it may be listed late).
    function voice() {
      if (!canSpeak) { return Promise.resolve(null); }
      if (!state.voiceAsked) {
        state.voiceAsked = findVoice(synth, lang);
      }
      return state.voiceAsked;
    }
    function next(run, pause) {
      state.index += 1;
      state.resumeAt = 0;
      state.timer = setTimeout(function () { if (run === state.run) { play(); } }, pause || PAUSE_BETWEEN_PARTS_MS);
    }
    function play() {
      var run = state.run;
      if (state.index >= parts.length) { finish(); say(message("finished")); return; }
      var part = parts[state.index];
      mark(state.index);
      if (part.el && part.el.scrollIntoView) { part.el.scrollIntoView({ block: "nearest" }); }
      if (part.recording && recorded) {
        playRecording(part, run);
        return;
      }
      voice().then(function (found) {
        if (run !== state.run) { return; }
        if (found) { speak(part, found, run); return; }
        // Nothing can be heard for this part here: said once, and left on screen.
        if (!state.warned) {
          state.warned = true;
          if (note) { note.textContent = message("no-voice-some"); }
          say(message("no-voice-some"));
          next(run, WARNING_MS);
          return;
        }
        next(run);
      });
    }
    function playRecording(part, run) {
      var url = part.recording.currentSrc || part.recording.src;
      if (player.getAttribute("src") !== url) {
        player.src = url;
        state.resumeAt = 0;
      }
      if (state.resumeAt) { player.currentTime = state.resumeAt; } else if (player.currentTime) { player.currentTime = 0; }
      // Each part ends once: the error event and the refused play() may both come.
      var over = false;
      function once(then) {
        return function () {
          if (over || run !== state.run) { return; }
          over = true;
          then();
        };
      }
      var failing = once(function () { failed(part, run); });
      player.onended = once(function () { next(run); });
      player.onerror = failing;
      say(message("playing", part));
      var started = player.play();
      if (started && started.catch) {
        started.catch(function (error) {
          // Refused by the browser, or a file it cannot play: said, then the voice reads it.
          if (!error || error.name !== "AbortError") { failing(); }
        });
      }
    }
    function failed(part, run) {
      say(message("recording-failed", part));
      voice().then(function (found) {
        if (run !== state.run) { return; }
        if (found) { speak(part, found, run); } else { next(run); }
      });
    }
    function speak(part, found, run) {
      var utterance = new SpeechSynthesisUtterance(part.text);
      utterance.lang = found.lang || lang;
      utterance.voice = found;
      utterance.onend = function () { if (run === state.run) { next(run); } };
      utterance.onerror = function (event) {
        if (run !== state.run || event.error === "interrupted" || event.error === "canceled") { return; }
        finish();
        say(message("failed"));
      };
      say(part.label);
      synth.speak(utterance);
    }

    listen.addEventListener("click", function () {
      if (state.playing) {
        halt();
        show();
        say(message("paused"));
        return;
      }
      function start() {
        if (state.index === 0) { state.index = startingPart(parts); }
        // With recordings, from the first step: its recording then starts within the click.
        if (recorded && state.index === 0) { state.index = 1; }
        halt();
        state.playing = true;
        show();
        play();
      }
      // A recording to play first starts now, within the click: browsers play sound only
      // when a person asked for it.
      if (recorded) { pauseOthers(null); start(); return; }
      voice().then(function (found) {
        if (!found) {
          // Nothing would be heard: say why, and do not offer it again on this device.
          say(message("no-voice"));
          listen.hidden = true;
          stop.hidden = true;
          return;
        }
        start();
      });
    });
    stop.addEventListener("click", function () { finish(); say(""); listen.focus(); });

    // A step's own player started by hand: "Listen" gives way, and the other way round.
    function pauseOthers(except) {
      root.querySelectorAll("[data-recording-audio]").forEach(function (audio) {
        if (audio !== except && !audio.paused) { audio.pause(); }
      });
    }
    root.querySelectorAll("[data-recording-audio]").forEach(function (audio) {
      audio.addEventListener("play", function () {
        pauseOthers(audio);
        if (state.playing) { halt(); show(); }
      });
    });
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
      parts.push({ el: null, title: "", recording: null, label: "", text: [title, promise].filter(Boolean).map(textOf).join(". ") });
    }
    root.querySelectorAll(".step, .easy-read").forEach(function (el) {
      var heading = el.querySelector("h2");
      var title = heading ? textOf(heading) : "";
      var pieces = [title];
      el.querySelectorAll("[data-listen-text], .callout").forEach(function (piece) { pieces.push(textOf(piece)); });
      parts.push({
        el: el,
        title: title,
        label: template.replace("{title}", title),
        text: pieces.filter(Boolean).join(". "),
        recording: el.querySelector("[data-recording-audio]")
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
  // Put the page, its images, recordings, styles and scripts in the cache the service worker reads.
  function keepOffline(root) {
    var urls = [location.pathname + location.search];
    document.querySelectorAll("link[rel=stylesheet], script[src]").forEach(function (el) {
      urls.push(el.href || el.src);
    });
    root.querySelectorAll("img").forEach(function (img) { urls.push(img.currentSrc || img.src); });
    // The recordings of the version shown, whole (the service worker answers byte ranges).
    root.querySelectorAll("[data-recording-audio]").forEach(function (audio) { urls.push(audio.src); });
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
