// Coéduc — small progressive enhancements; every page works without this file.
(function () {
  "use strict";
  // After a failed form submission, move focus to the first field in error, so that
  // keyboard and screen-reader users land on what needs fixing; when no field is at fault
  // (a full workshop, too many attempts), to the error summary that says so.
  document.addEventListener("DOMContentLoaded", function () {
    var invalid = document.querySelector("[aria-invalid='true']");
    var summary = document.querySelector("[data-error-summary]");
    if (invalid) { invalid.focus(); } else if (summary) { summary.focus(); }
  });
  // A link of the error summary focuses its field (a plain anchor would only scroll).
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("[data-error-summary] a[href^='#']");
    if (!link) { return; }
    var field = document.getElementById(link.getAttribute("href").slice(1));
    if (!field) { return; }
    event.preventDefault();
    field.focus();
    field.scrollIntoView({ block: "center" });
  });
})();
