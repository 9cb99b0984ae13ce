// Coéduc service worker: guides a parent opened (or kept) stay readable offline, with their
// images, and the recordings of the guides kept for offline; any other page falls back to the
// offline page of its language.
"use strict";
var PAGES = "coeduc-guides-v1";
var ASSETS = "coeduc-assets-v1";
var LANGUAGES = ["fr", "en", "ar"];
var GUIDE_PAGE = /^\/(fr|en|ar)\/guides\//;
var RECORDING = /^\/guides\/audio\//;
var BYTE_RANGE = /^bytes=(\d*)-(\d*)$/;

function offlineUrl(path) {
  var lang = path.split("/")[1];
  return "/" + (LANGUAGES.indexOf(lang) === -1 ? "fr" : lang) + "/guides/offline/";
}

// The offline page of each language, with the styles and scripts it needs.
function precache(url) {
  return fetch(url).then(function (response) {
    if (!response.ok) { throw new Error(url + ": " + response.status); }
    return response.clone().text().then(function (html) {
      var assets = html.match(/\/static\/[^"']+\.(?:css|js|svg)/g) || [];
      return Promise.all([
        caches.open(PAGES).then(function (cache) { return cache.put(url, response); }),
        caches.open(ASSETS).then(function (cache) { return cache.addAll(assets); })
      ]);
    });
  });
}

self.addEventListener("install", function (event) {
  event.waitUntil(
    Promise.all(LANGUAGES.map(function (lang) { return precache("/" + lang + "/guides/offline/"); }))
      .catch(function () { /* the guides may not exist yet */ })
      .then(function () { return self.skipWaiting(); })
  );
});

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (keys) {
    return Promise.all(keys.filter(function (key) {
      return key.indexOf("coeduc-") === 0 && key !== PAGES && key !== ASSETS;
    }).map(function (key) { return caches.delete(key); }));
  }).then(function () { return self.clients.claim(); }));
});

self.addEventListener("fetch", function (event) {
  var request = event.request;
  var url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) { return; }
  if (request.mode === "navigate") {
    event.respondWith(navigate(request, url));
  } else if (url.pathname.indexOf("/static/") === 0 || url.pathname.indexOf("/media/images/") === 0) {
    event.respondWith(asset(request));
  } else if (RECORDING.test(url.pathname)) {
    event.respondWith(recording(request));
  }
});

// Network first: a fresh page when online; the kept copy (or the offline page) otherwise.
function navigate(request, url) {
  return fetch(request).then(function (response) {
    if (response.ok && GUIDE_PAGE.test(url.pathname)) {
      var copy = response.clone();
      caches.open(PAGES).then(function (cache) { cache.put(request, copy); });
    }
    return response;
  }).catch(function () {
    return caches.match(request).then(function (kept) {
      return kept || caches.match(offlineUrl(url.pathname));
    });
  });
}

// Static files have hashed names and images never change: the cache first, then the network.
function asset(request) {
  return caches.match(request).then(function (kept) {
    return kept || fetch(request).then(function (response) {
      if (response.ok) {
        var copy = response.clone();
        caches.open(ASSETS).then(function (cache) { cache.put(request, copy); });
      }
      return response;
    });
  });
}

// Recordings: kept whole when a guide is kept for offline ("Keep for offline" fetches them
// without a range). A player asks for byte ranges, which the cache cannot hold (it refuses
// 206 answers): they are cut here from the whole file. A recording not kept is left to the
// network, ranges and all, and not stored: a parent's data plan is not spent on a guide
// they only opened.
function recording(request) {
  return caches.match(request.url).then(function (kept) {
    if (!kept) { return fetch(request); }
    var range = request.headers.get("Range");
    if (!range) { return kept; }
    return kept.arrayBuffer().then(function (body) {
      return partial(body, range, kept.headers.get("Content-Type"));
    });
  });
}

function partial(body, header, type) {
  var size = body.byteLength;
  var headers = { "Content-Type": type || "application/octet-stream", "Accept-Ranges": "bytes" };
  var match = BYTE_RANGE.exec(header.trim());
  if (!match || (!match[1] && !match[2])) {
    return new Response(body, { status: 200, headers: headers });  // not a range we answer
  }
  var start = match[1] ? Number(match[1]) : Math.max(0, size - Number(match[2]));
  var end = match[1] && match[2] ? Math.min(Number(match[2]), size - 1) : size - 1;
  if (start >= size || end < start) {
    return new Response(null, { status: 416, headers: { "Content-Range": "bytes */" + size } });
  }
  headers["Content-Range"] = "bytes " + start + "-" + end + "/" + size;
  headers["Content-Length"] = String(end - start + 1);
  return new Response(body.slice(start, end + 1), { status: 206, headers: headers });
}
