// A voice message (or a question asked by voice) recorded in the page (MediaRecorder): hold the
// button to record and let go, or tap to start and tap again to stop (Enter or Space by
// keyboard); the seconds run, the recording can be listened to, recorded again or sent. Sent
// over HTTP (multipart, with the form's CSRF token), never through the WebSocket. Without this
// file, without MediaRecorder or without a microphone, the form's file field posts a recording
// made with the phone.
(function () {
  "use strict";
  if (!window.fetch || !window.FormData) return;
  // A page may hold two: a room's voice message and its question asked by voice.
  Array.prototype.forEach.call(document.querySelectorAll("[data-voice-form]"), setUp);

  function setUp(form) {
    var data = form.dataset;
    var recorderBox = form.querySelector("[data-recorder]");
    var button = form.querySelector("[data-record]");
    var timer = form.querySelector("[data-timer]");
    var preview = form.querySelector("[data-preview]");
    var again = form.querySelector("[data-rerecord]");
    var fileField = form.querySelector('input[type="file"]');
    var note = form.querySelector('input[name="note"]');
    var clientIdField = form.querySelector("[data-client-id]");
    var send = form.querySelector("[data-send]");
    var statusLine = form.querySelector("[data-voice-status]");
    var maxSeconds = parseInt(data.maxSeconds || "120", 10) || 120;
    // Recorders in the order we prefer them; the server reads all three (rooms/voice_formats.py).
    var TYPES = ["audio/webm;codecs=opus", "audio/ogg;codecs=opus", "audio/webm", "audio/ogg", "audio/mp4"];
    var EXTENSIONS = { "audio/webm": ".webm", "audio/ogg": ".ogg", "audio/mp4": ".m4a" };
    var HOLD = 600; // ms: pressed longer than this, the button records while it is held

    var recorder = null;
    var stream = null;
    var chunks = [];
    var recording = null; // the Blob recorded, until it is sent or recorded again
    var previewUrl = null;
    var startedAt = 0;
    var ticking = null;
    var pressedAt = 0;
    var byPointer = false;
    var starting = false;
    var limitReached = false;

    function say(text) {
      if (statusLine) statusLine.textContent = text || "";
    }

    function format(template, values) {
      return String(template || "").replace(/\{(\w+)\}/g, function (_m, key) {
        return values[key] === undefined ? "" : values[key];
      });
    }

    function clock(seconds) {
      var whole = Math.max(0, Math.floor(seconds));
      return Math.floor(whole / 60) + ":" + String(whole % 60).padStart(2, "0");
    }

    function showTime(seconds) {
      timer.textContent = clock(seconds) + " / " + clock(maxSeconds);
    }

    function chosenType() {
      for (var i = 0; i < TYPES.length; i++) {
        if (MediaRecorder.isTypeSupported(TYPES[i])) return TYPES[i];
      }
      return "";
    }

    function isRecording() { return recorder !== null && recorder.state === "recording"; }

    function forget() {
      recording = null;
      if (previewUrl) URL.revokeObjectURL(previewUrl);
      previewUrl = null;
      preview.removeAttribute("src");
      preview.hidden = true;
      again.hidden = true;
    }

    function start() {
      if (starting || isRecording()) return;
      starting = true;
      forget();
      navigator.mediaDevices.getUserMedia({ audio: true }).then(function (media) {
        starting = false;
        stream = media;
        var type = chosenType();
        // 32 kb/s is plenty for a voice: two minutes stay well under the size limit.
        var options = { audioBitsPerSecond: 32000 };
        if (type) options.mimeType = type;
        recorder = new MediaRecorder(stream, options);
        chunks = [];
        recorder.addEventListener("dataavailable", function (event) {
          if (event.data && event.data.size) chunks.push(event.data);
        });
        recorder.addEventListener("stop", finished);
        recorder.start();
        startedAt = Date.now();
        showTime(0);
        ticking = window.setInterval(tick, 250);
        button.textContent = data.tStop;
        button.classList.add("voice-record--on");
        say(data.tRecording);
      }).catch(function () {
        starting = false;
        say(data.tNoMic);
        if (fileField) fileField.focus();
      });
    }

    function tick() {
      var elapsed = (Date.now() - startedAt) / 1000;
      showTime(elapsed);
      if (elapsed >= maxSeconds) {
        limitReached = true;
        stop();
      }
    }

    function stop() {
      if (!isRecording()) return;
      recorder.stop();
    }

    function finished() {
      window.clearInterval(ticking);
      var elapsed = (Date.now() - startedAt) / 1000;
      if (stream) stream.getTracks().forEach(function (track) { track.stop(); });
      stream = null;
      var type = (recorder.mimeType || chosenType() || "audio/webm").split(";")[0];
      recorder = null;
      button.textContent = data.tRecord;
      button.classList.remove("voice-record--on");
      recording = new Blob(chunks, { type: type });
      chunks = [];
      previewUrl = URL.createObjectURL(recording);
      preview.src = previewUrl;
      preview.hidden = false;
      again.hidden = false;
      showTime(Math.min(elapsed, maxSeconds));
      var ready = format(data.tRecorded, { length: clock(Math.min(elapsed, maxSeconds)) });
      say(limitReached ? data.tLimit + " " + ready : ready);
      limitReached = false;
    }

    function toggle() {
      if (isRecording()) stop(); else start();
    }

    // Hold to record: pressed, it starts; let go after HOLD ms, it stops. A short press is a tap:
    // it starts (or stops) and leaves the recording going. The click that follows a pointer is
    // ignored; a click from the keyboard toggles.
    button.addEventListener("pointerdown", function (event) {
      if (event.button !== 0) return;
      byPointer = true;
      pressedAt = Date.now();
      toggle();
    });
    button.addEventListener("pointerup", function () {
      if (byPointer && isRecording() && Date.now() - pressedAt >= HOLD) stop();
    });
    button.addEventListener("keydown", function () { byPointer = false; });
    button.addEventListener("contextmenu", function (event) { event.preventDefault(); });
    button.addEventListener("click", function (event) {
      if (byPointer) { byPointer = false; return; }
      event.preventDefault();
      toggle();
    });
    again.addEventListener("click", function () {
      forget();
      start();
    });

    function clientId() {
      if (window.crypto && window.crypto.randomUUID) return window.crypto.randomUUID();
      return String(Date.now()) + Math.random().toString(16).slice(2);
    }

    form.addEventListener("submit", function (event) {
      if (isRecording() || starting) {
        // Still recording: stopped first, listened to if wished, then sent with a second press.
        event.preventDefault();
        stop();
        return;
      }
      // Nothing recorded here: the form goes the ordinary way (a file chosen, or nothing, and
      // the server says what is missing).
      if (!recording) return;
      event.preventDefault();
      var body = new FormData(form);
      var type = recording.type || "audio/webm";
      body.set("audio", recording, "voice" + (EXTENSIONS[type] || ".webm"));
      var id = clientId();
      body.set("client_id", id);
      if (clientIdField) clientIdField.value = id;
      send.disabled = true;
      say(data.tSending);
      fetch(form.action, {
        method: "POST",
        body: body,
        credentials: "same-origin",
        headers: { "Accept": "application/json" }
      }).then(function (response) {
        return response.json().then(function (answer) { return { ok: response.ok, answer: answer }; });
      }).then(function (result) {
        send.disabled = false;
        var answer = result.answer || {};
        if (answer.type === "asked") {
          forget();
          location.assign(answer.location); // the question's own page, where its answer comes
        } else if (answer.type === "sent") {
          forget();
          if (note) note.value = "";
          say(data.tSent);
          document.dispatchEvent(new CustomEvent("rooms:sent", { detail: answer.message }));
        } else if (answer.code === "held_for_review") {
          forget();
          if (note) note.value = "";
          say(answer.message);
        } else {
          say(answer.message || data.tFailed); // the recording stays, to try again
        }
      }).catch(function () {
        send.disabled = false;
        say(data.tFailed);
      });
    });

    // Shown only where the page can record; the file field stays for a recording made elsewhere.
    if (window.MediaRecorder && navigator.mediaDevices && navigator.mediaDevices.getUserMedia) {
      recorderBox.hidden = false;
    }
  }
})();
