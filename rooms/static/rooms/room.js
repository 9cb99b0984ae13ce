// A live room (or a help request's thread): one WebSocket, reconnected with exponential
// backoff and jitter, caught up by event number (rooms/PROTOCOL.md). The page and its forms
// work without this file.
(function () {
  "use strict";
  var list = document.getElementById("messages");
  if (!list || !("WebSocket" in window)) return;
  var data = list.dataset;
  // The number of the stream's last event this page has, and every one before it: the page
  // was rendered at it, and it moves only through events applied in their order.
  var seq = parseInt(data.seq || "0", 10) || 0;
  var ahead = {}; // number → an event that came before one it follows (published out of order)
  var states = {}; // "m12" / "h3" → the number of the state shown of that message / question
  var gapTimer = null;
  var GAP_WAIT = 3000; // a gap this old is asked for again: its event may never come live
  var pending = null; // the post sent and not yet echoed nor refused: {id, text}
  var rendered = list.querySelectorAll("li[data-id]");
  // The newest message shown, for the read marker.
  var lastId = rendered.length ? parseInt(rendered[rendered.length - 1].dataset.id, 10) || 0 : 0;
  var me = String(data.me || "");
  var statusLine = document.querySelector("[data-status]");
  var announcer = document.querySelector("[data-announcer]");
  var form = document.querySelector("[data-post-form]");
  var requests = document.querySelector("[data-requests]");
  var socket = null;
  var attempt = 0;
  var stopped = false;
  var readTimer = null;
  var timeFormat = new Intl.DateTimeFormat(document.documentElement.lang || undefined, {
    day: "numeric", month: "short", hour: "2-digit", minute: "2-digit"
  });

  function setStatus(text) { if (statusLine) statusLine.textContent = text || ""; }

  function announce(text) {
    // aria-live="polite": read when the reader is idle; focus never moves.
    if (!announcer) return;
    announcer.textContent = "";
    window.setTimeout(function () { announcer.textContent = text; }, 50);
  }

  function format(template, values) {
    return String(template || "").replace(/\{(\w+)\}/g, function (_m, key) {
      return values[key] === undefined ? "" : values[key];
    });
  }

  function send(event) {
    if (socket && socket.readyState === WebSocket.OPEN) {
      socket.send(JSON.stringify(event));
      return true;
    }
    return false;
  }

  function clientId() {
    if (window.crypto && window.crypto.randomUUID) return window.crypto.randomUUID();
    return String(Date.now()) + Math.random().toString(16).slice(2);
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function reportForm(message) {
    if (!data.reportUrl) return null;
    var details = el("details", "msg__report");
    details.appendChild(el("summary", "", data.tReport));
    var formNode = el("form");
    formNode.method = "post";
    formNode.action = data.reportUrl.replace(/\/0\/report\/$/, "/" + message.id + "/report/");
    var csrf = el("input");
    csrf.type = "hidden"; csrf.name = "csrfmiddlewaretoken"; csrf.value = data.csrf || "";
    var label = el("label", "", data.tReason);
    label.htmlFor = "reason-" + message.id;
    var input = el("input");
    input.id = "reason-" + message.id; input.name = "reason"; input.required = true;
    input.maxLength = 500;
    var button = el("button", "button--secondary", data.tSendReport);
    button.type = "submit";
    formNode.append(csrf, label, input, button);
    details.appendChild(formNode);
    return details;
  }

  // A voice message's player, labelled as the server labels it (rooms_tags.voice_label).
  var seconds = window.Intl && Intl.NumberFormat ? (function () {
    try {
      return new Intl.NumberFormat(document.documentElement.lang || undefined,
        { style: "unit", unit: "second", unitDisplay: "long" });
    } catch (_e) { return null; }
  })() : null;

  function wholeSeconds(value) { return Math.max(1, Math.ceil((value || 0) - 0.05)); }

  function clock(value) {
    var whole = wholeSeconds(value);
    return Math.floor(whole / 60) + ":" + String(whole % 60).padStart(2, "0");
  }

  function player(message, author, when) {
    var box = el("div", "msg__voice");
    var audio = el("audio");
    audio.controls = true;
    audio.preload = "none";
    audio.src = message.voice.url;
    var whole = wholeSeconds(message.voice.seconds);
    var length = seconds ? seconds.format(whole) : whole + " s";
    audio.setAttribute("aria-label", format(data.tVoiceLabel, { name: author, when: when, length: length }));
    var link = el("a", "", data.tVoiceLink);
    link.href = message.voice.url;
    audio.appendChild(link);
    box.append(audio, document.createTextNode(" "),
      el("span", "msg__voice-length", format(data.tVoiceLength, { length: clock(message.voice.seconds) })));
    return box;
  }

  function render(message) {
    var item = el("li", "msg" + (String(message.author.id) === me ? " msg--mine" : ""));
    item.id = "m-" + message.id;
    item.dataset.id = message.id;
    var meta = el("p", "msg__meta");
    var author = message.erased ? data.tDeleted : message.author.name || data.tParent;
    meta.appendChild(el("strong", "msg__author", author));
    meta.appendChild(document.createTextNode(" "));
    var time = el("time", "", timeFormat.format(new Date(message.created_at)));
    time.dateTime = message.created_at;
    meta.appendChild(time);
    var body = el("div", "msg__text");
    if (message.erased) {
      body.appendChild(el("p", "msg__erased", data.tErased));
    } else if (message.html) {
      var paragraph = el("p");
      paragraph.innerHTML = message.html; // sanitised and escaped by the server
      body.appendChild(paragraph);
    }
    item.appendChild(meta);
    if (message.voice && !message.erased) item.appendChild(player(message, author, time.textContent));
    item.appendChild(body);
    if (String(message.author.id) !== me && !message.erased) {
      var report = reportForm(message);
      if (report) item.appendChild(report);
    }
    return item;
  }

  function add(message, quiet) {
    var shown = document.getElementById("m-" + message.id);
    if (shown) {
      // Shown already: this is a later state of it (its author's account erased).
      if (message.erased) shown.replaceWith(render(message));
      return;
    }
    var empty = list.querySelector(".room-empty");
    if (empty) empty.remove();
    var node = render(message);
    var after = null;
    var items = list.querySelectorAll("li[data-id]");
    for (var i = items.length - 1; i >= 0; i--) {
      if (parseInt(items[i].dataset.id, 10) < message.id) { after = items[i]; break; }
    }
    if (after) after.after(node); else list.prepend(node);
    if (message.id > lastId) lastId = message.id;
    posted(message.client_id);
    if (!quiet && String(message.author.id) !== me) {
      var text = node.querySelector(".msg__text").textContent.slice(0, 140);
      var template = message.voice ? data.tNewVoice : data.tNew;
      announce(format(template, { name: message.author.name || data.tParent, text: text }));
    }
    scheduleRead();
  }

  // The field keeps what was typed until the server has the message (its echo, or "held for
  // review"): refused (too fast, the service down) or cut off, nothing typed is lost.
  function posted(id) {
    if (!pending || !id || id !== pending.id) return;
    var field = form && form.querySelector("textarea");
    if (field && field.value.trim() === pending.text) field.value = "";
    pending = null;
  }

  function scheduleRead() {
    if (readTimer || document.hidden || !lastId) return;
    readTimer = window.setTimeout(function () {
      readTimer = null;
      if (data.reportUrl) send({ type: "read", up_to: lastId });
    }, 1500);
  }

  function people(selector, list_) {
    var target = document.querySelector(selector);
    if (!target) return;
    target.textContent = "";
    list_.forEach(function (person) { target.appendChild(el("li", "", person.name || data.tParent)); });
    if (!list_.length && target.dataset.empty) target.appendChild(el("li", "room-muted", target.dataset.empty));
  }

  var handlers = {
    history: function (event) {
      // Each thing changed after our number, in its state now, in order; then the number.
      event.events.forEach(function (one) { apply(one, true); });
      if (event.seq > seq) seq = event.seq;
      Object.keys(ahead).forEach(function (n) { if (Number(n) <= seq) delete ahead[n]; });
      advance();
      if (!event.complete) setStatus(data.tReload);
    },
    message: function (event) { add(event.message, false); },
    restored: function (event) { add(event.message, true); },
    hidden: function (event) {
      var node = document.getElementById("m-" + event.message_id);
      if (node) node.remove();
    },
    presence: function (event) { people("[data-presence]", event.present); },
    on_duty: function (event) { people("[data-on-duty]", event.people); },
    help_request: function (event) {
      var request = event.help_request;
      if (!requests || requests.querySelector('[data-request="' + request.id + '"]')) return;
      var item = el("li");
      item.dataset.request = request.id;
      var link = el("a");
      link.href = location.pathname.replace(/\/?$/, "/") + "help/" + request.id + "/";
      if (request.html || !request.voice) link.innerHTML = request.html;
      else link.textContent = format(data.tVoiceQuestion, { length: clock(request.voice.seconds) });
      item.appendChild(link);
      var muted = requests.querySelector(".room-muted");
      if (muted && muted.parentNode === requests) muted.remove();
      requests.appendChild(item);
      announce(format(data.tQuestion, { name: request.asker.name || data.tParent }));
    },
    claimed: function (event) {
      var item = requests && requests.querySelector('[data-request="' + event.help_request_id + '"]');
      if (item && !item.querySelector(".room-taken")) {
        item.appendChild(el("span", "room-taken", " — " + data.tTaken));
      }
    },
    claimed_by_you: function (event) {
      location.assign(location.pathname.replace(/\/?$/, "/") + "help/" + event.help_request_id + "/");
    },
    resolved: function () { location.reload(); },
    skip: function () {}, // an event for others (a private question): only its number counts
    error: function (event) {
      if (event.code === "held_for_review") posted(event.client_id);
      else if (pending && event.client_id === pending.id) pending = null; // the text stays
      setStatus(event.message);
      announce(event.message);
    },
    pong: function () {}
  };

  function key(event) {
    if (event.message) return "m" + event.message.id;
    if (event.message_id) return "m" + event.message_id;
    if (event.help_request) return "h" + event.help_request.id;
    if (event.help_request_id) return "h" + event.help_request_id;
    return null;
  }

  function apply(event, quiet) {
    var item = key(event);
    if (item && event.seq !== undefined) {
      if (states[item] !== undefined && states[item] >= event.seq) return; // a later state shown
      states[item] = event.seq;
    }
    var handler = handlers[event.type];
    if (!handler) return;
    if (quiet && event.type === "message") add(event.message, true); else handler(event);
  }

  function advance() {
    while (ahead[seq + 1]) {
      seq += 1;
      var next = ahead[seq];
      delete ahead[seq];
      apply(next, false);
    }
    if (gapTimer) { window.clearTimeout(gapTimer); gapTimer = null; }
    if (Object.keys(ahead).length) {
      gapTimer = window.setTimeout(function () {
        gapTimer = null;
        send({ type: "hello", seq: seq });
      }, GAP_WAIT);
    }
  }

  function receive(event) {
    if (!event) return;
    if (typeof event.seq !== "number" || event.type === "history") {
      var handler = handlers[event.type]; // not numbered: presence, duty, errors, catch-ups
      if (handler) handler(event);
      return;
    }
    if (event.seq <= seq) return; // had it already (a catch-up brought it)
    ahead[event.seq] = event; // applied in number order, each once
    advance();
  }

  function connect() {
    var scheme = location.protocol === "https:" ? "wss:" : "ws:";
    socket = new WebSocket(scheme + "//" + location.host + data.ws);
    socket.addEventListener("open", function () {
      attempt = 0;
      setStatus(data.tOnline);
      send({ type: "hello", seq: seq });
    });
    socket.addEventListener("message", function (message) {
      var event;
      try { event = JSON.parse(message.data); } catch (_e) { return; }
      // Events that arrived close together come as one frame (rooms/fanout.py).
      var events = event && event.type === "batch" ? event.events : [event];
      events.forEach(receive);
    });
    socket.addEventListener("close", function (event) {
      socket = null;
      // Refusals (not signed in, not allowed, no such room) will not change by retrying.
      if (stopped || event.code === 4401 || event.code === 4403 || event.code === 4404) return;
      setStatus(data.tOffline);
      var ceiling = Math.min(30000, 1000 * Math.pow(2, attempt));
      attempt += 1;
      window.setTimeout(connect, ceiling / 2 + Math.random() * ceiling / 2);
    });
  }

  if (form) {
    form.addEventListener("submit", function (event) {
      var field = form.querySelector("textarea");
      var text = field ? field.value.trim() : "";
      if (!text) return;
      // Not connected: the form is posted the ordinary way.
      var id = clientId();
      if (send({ type: "post", text: text, client_id: id })) {
        event.preventDefault();
        pending = { id: id, text: text };
        setStatus("");
      }
    });
  }
  // A voice message sent over HTTP (voice.js): shown at once, its event later only confirms it.
  document.addEventListener("rooms:sent", function (event) { add(event.detail, true); });
  document.addEventListener("visibilitychange", scheduleRead);
  window.addEventListener("pagehide", function () { stopped = true; if (socket) socket.close(); });
  connect();
})();
