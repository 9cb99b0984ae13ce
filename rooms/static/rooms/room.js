// A live room (or a help request's thread): one WebSocket, reconnected with exponential
// backoff and jitter, caught up by last id. The page and its forms work without this file.
(function () {
  "use strict";
  var list = document.getElementById("messages");
  if (!list || !("WebSocket" in window)) return;
  var data = list.dataset;
  var lastId = parseInt(data.lastId || "0", 10) || 0;
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

  function render(message) {
    var item = el("li", "msg" + (String(message.author.id) === me ? " msg--mine" : ""));
    item.id = "m-" + message.id;
    item.dataset.id = message.id;
    var meta = el("p", "msg__meta");
    meta.appendChild(el("strong", "msg__author", message.author.name || data.tParent));
    meta.appendChild(document.createTextNode(" "));
    var time = el("time", "", timeFormat.format(new Date(message.created_at)));
    time.dateTime = message.created_at;
    meta.appendChild(time);
    var body = el("div", "msg__text");
    var paragraph = el("p");
    paragraph.innerHTML = message.html; // sanitised and escaped by the server
    body.appendChild(paragraph);
    item.append(meta, body);
    if (String(message.author.id) !== me) {
      var report = reportForm(message);
      if (report) item.appendChild(report);
    }
    return item;
  }

  function add(message, quiet) {
    if (document.getElementById("m-" + message.id)) return;
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
    if (!quiet && String(message.author.id) !== me) {
      var text = node.querySelector(".msg__text").textContent.slice(0, 140);
      announce(format(data.tNew, { name: message.author.name || data.tParent, text: text }));
    }
    scheduleRead();
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
      event.messages.forEach(function (message) { add(message, true); });
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
      link.innerHTML = request.html;
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
    error: function (event) { setStatus(event.message); announce(event.message); },
    pong: function () {}
  };

  function connect() {
    var scheme = location.protocol === "https:" ? "wss:" : "ws:";
    socket = new WebSocket(scheme + "//" + location.host + data.ws);
    socket.addEventListener("open", function () {
      attempt = 0;
      setStatus(data.tOnline);
      send({ type: "hello", last_id: lastId || null });
    });
    socket.addEventListener("message", function (message) {
      var event;
      try { event = JSON.parse(message.data); } catch (_e) { return; }
      // Events that arrived close together come as one frame (rooms/fanout.py).
      var events = event && event.type === "batch" ? event.events : [event];
      events.forEach(function (one) {
        var handler = one && handlers[one.type];
        if (handler) handler(one);
      });
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
      if (send({ type: "post", text: text, client_id: clientId() })) {
        event.preventDefault();
        field.value = "";
        setStatus("");
      }
    });
  }
  document.addEventListener("visibilitychange", scheduleRead);
  window.addEventListener("pagehide", function () { stopped = true; if (socket) socket.close(); });
  connect();
})();
