// Progressive enhancement only: every page works without this file.
// Ticking a facet checkbox submits its form at once (the URL then holds the state).
"use strict";
document.addEventListener("change", function (event) {
  var target = event.target;
  if (target instanceof HTMLInputElement && target.hasAttribute("data-autosubmit") && target.form) {
    target.form.requestSubmit ? target.form.requestSubmit() : target.form.submit();
  }
});
document.addEventListener("DOMContentLoaded", function () {
  // With JavaScript the "apply filters" button is only needed for the year range.
  document.documentElement.classList.add("js");
});
