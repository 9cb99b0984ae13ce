// Coéduc guides — what the browser keeps: progress of anonymous readers and guides kept offline.
(function () {
  "use strict";
  var PROGRESS = "coeduc.progress";
  var OFFLINE = "coeduc.offline";
  function read(key) {
    try { return JSON.parse(localStorage.getItem(key)) || {}; } catch (e) { return {}; }
  }
  function write(key, value) {
    try { localStorage.setItem(key, JSON.stringify(value)); return true; } catch (e) { return false; }
  }
  window.coeducStore = {
    progress: function () { return read(PROGRESS); },
    saveProgress: function (value) { return write(PROGRESS, value); },
    clearProgress: function () { try { localStorage.removeItem(PROGRESS); } catch (e) { /* private mode */ } },
    offline: function () { return read(OFFLINE); },
    saveOffline: function (value) { return write(OFFLINE, value); }
  };
})();
