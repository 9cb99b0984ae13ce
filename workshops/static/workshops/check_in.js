// Check-in without reloading the page: the forms work without it (one POST per tap).
(function () {
  "use strict";
  var list = document.querySelector(".check-in");
  if (!list || !window.fetch) return;
  var count = document.querySelector(".check-in__count");

  list.addEventListener("submit", function (event) {
    var form = event.target;
    var button = form.querySelector("button");
    var field = form.querySelector("input[name=present]");
    event.preventDefault();
    button.disabled = true;
    fetch(form.action, {
      method: "POST",
      body: new FormData(form),
      headers: { Accept: "application/json" },
      credentials: "same-origin",
    })
      .then(function (response) {
        if (!response.ok) throw new Error(String(response.status));
        return response.json();
      })
      .then(function (data) {
        button.setAttribute("aria-pressed", data.present ? "true" : "false");
        button.classList.toggle("check-in__button--present", data.present);
        button.querySelector(".check-in__state").textContent = data.present
          ? list.dataset.labelPresent
          : list.dataset.labelAbsent;
        field.value = data.present ? "0" : "1";
        if (count) {
          var present = list.querySelectorAll("[aria-pressed=true]").length;
          count.textContent = present + " / " + count.dataset.total + " " + list.dataset.labelCountTemplate;
        }
      })
      .catch(function () {
        form.submit();
      })
      .finally(function () {
        button.disabled = false;
      });
  });
})();
