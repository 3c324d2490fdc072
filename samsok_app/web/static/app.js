// Progressive enhancement only: every page works without this file.
// Ticking a facet checkbox submits its form at once (the URL then holds the state).
"use strict";
document.addEventListener("change", function (event) {
  var target = event.target;
  if (target instanceof HTMLInputElement && target.hasAttribute("data-autosubmit") && target.form) {
    target.form.requestSubmit ? target.form.requestSubmit() : target.form.submit();
  }
});
// Empty boxes (an unused year range) stay out of the URL, so shared links stay short.
document.addEventListener("submit", function (event) {
  var form = event.target;
  if (!(form instanceof HTMLFormElement) || form.method.toLowerCase() !== "get") return;
  Array.prototype.forEach.call(form.elements, function (el) {
    if (el instanceof HTMLInputElement && el.name && el.name !== "q" && el.type !== "checkbox" && el.value === "") {
      el.disabled = true;
    }
  });
});
document.addEventListener("pageshow", function () {
  // Back/forward cache: re-enable what the last submit disabled.
  Array.prototype.forEach.call(document.querySelectorAll("input[disabled]"), function (el) { el.disabled = false; });
});
document.addEventListener("DOMContentLoaded", function () {
  // With JavaScript the "apply filters" button is only needed for the year range.
  document.documentElement.classList.add("js");
});
