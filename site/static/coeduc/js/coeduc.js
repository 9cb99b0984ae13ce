// Coéduc — small progressive enhancements; every page works without this file.
(function () {
  "use strict";
  // After a failed form submission, move focus to the first field in error, so that
  // keyboard and screen-reader users land on what needs fixing.
  document.addEventListener("DOMContentLoaded", function () {
    var invalid = document.querySelector("[aria-invalid='true']");
    if (invalid) { invalid.focus(); }
  });
})();
