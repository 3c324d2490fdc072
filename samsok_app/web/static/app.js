// Progressive enhancement only: every page works without this file.
"use strict";
var FOCUS_KEY = "samsok.focus";

// Ticking a facet checkbox submits its form at once (the URL then holds the state);
// the box keeps keyboard focus on the new page.
document.addEventListener("change", function (event) {
  var target = event.target;
  if (target instanceof HTMLInputElement && target.hasAttribute("data-autosubmit") && target.form) {
    try {
      sessionStorage.setItem(FOCUS_KEY, JSON.stringify({ name: target.name, value: target.value, path: location.pathname }));
    } catch (e) { /* storage may be off: focus then starts at the top */ }
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
    // A hidden "off" value is only needed when its checkbox is not ticked.
    if (el instanceof HTMLInputElement && el.type === "hidden" && el.name) {
      var box = form.querySelector("input[type=checkbox][name='" + el.name + "']");
      if (box && box.checked) el.disabled = true;
    }
  });
});

// The checkboxes always show the page's URL: after Back (back/forward cache or the
// browser's form restore) they are set again from what the server rendered.
function syncFromUrl() {
  Array.prototype.forEach.call(document.querySelectorAll("input[disabled]"), function (el) { el.disabled = false; });
  Array.prototype.forEach.call(document.querySelectorAll("input[type=checkbox]"), function (el) {
    el.checked = el.defaultChecked;
  });
  Array.prototype.forEach.call(document.querySelectorAll("input[type=number], input[type=search]"), function (el) {
    el.value = el.defaultValue;
  });
}
window.addEventListener("pageshow", syncFromUrl);

function restoreFocus() {
  var saved = null;
  try {
    saved = JSON.parse(sessionStorage.getItem(FOCUS_KEY) || "null");
    sessionStorage.removeItem(FOCUS_KEY);
  } catch (e) { saved = null; }
  if (!saved || saved.path !== location.pathname) return;
  var boxes = document.querySelectorAll("input[type=checkbox]");
  for (var i = 0; i < boxes.length; i++) {
    if (boxes[i].name === saved.name && boxes[i].value === saved.value) {
      var facets = document.getElementById("filtre");
      if (facets) openFilters(facets, true);
      boxes[i].focus();
      return;
    }
  }
}

function openFilters(panel, open) {
  var button = document.querySelector(".filters-toggle");
  panel.classList.toggle("collapsed", !open);
  if (button) button.setAttribute("aria-expanded", open ? "true" : "false");
}

document.addEventListener("DOMContentLoaded", function () {
  // With JavaScript the "apply filters" button is only needed for the year range.
  document.documentElement.classList.add("js");
  var panel = document.getElementById("filtre");
  var button = document.querySelector(".filters-toggle");
  if (panel && button) {
    button.hidden = false;
    openFilters(panel, false);
    button.addEventListener("click", function () {
      openFilters(panel, panel.classList.contains("collapsed"));
      if (!panel.classList.contains("collapsed")) {
        var first = panel.querySelector("input");
        if (first) first.focus();
      }
    });
  }
  // "Kopier" buttons next to read-only fields (feed address, citation).
  Array.prototype.forEach.call(document.querySelectorAll("button[data-copy]"), function (copy) {
    var field = document.querySelector(copy.getAttribute("data-copy"));
    if (!field) return;
    copy.hidden = false;
    copy.addEventListener("click", function () {
      field.select();
      var status = copy.parentNode.querySelector(".copied");
      var done = function () { if (status) status.textContent = "Kopiert."; };
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(field.value).then(done, function () { document.execCommand("copy"); done(); });
      } else {
        document.execCommand("copy");
        done();
      }
    });
  });
  restoreFocus();
});
