// ChatPost console, version 2 (MIT, part of ChatPost). Optional progressive enhancement: every page works without it.
// - [data-refresh="<ms>"]: re-fetches the page every <ms> and swaps in the element with the same id (live reports).
// - [data-preview-source]/[data-preview-target]: shows a live preview of a broadcast while it is typed.
// - input[type=file][data-max-bytes]: refuses a file over the limit before it is sent, with [data-too-large] as the reason.
(function () {
  "use strict";

  function refresh(element) {
    var every = parseInt(element.getAttribute("data-refresh"), 10);
    if (!(every >= 1000) || !element.id) return;
    var timer = setInterval(function () {
      fetch(location.href, { credentials: "same-origin", headers: { "X-Requested-With": "console.js" } })
        .then(function (response) { return response.ok ? response.text() : null; })
        .then(function (html) {
          if (!html) return;
          var next = new DOMParser().parseFromString(html, "text/html").getElementById(element.id);
          if (!next) return;
          element.innerHTML = next.innerHTML;
          if (!next.hasAttribute("data-refresh")) clearInterval(timer);
        })
        .catch(function () { /* offline for a moment: try again at the next tick */ });
    }, every);
  }

  function preview(form) {
    var target = document.getElementById(form.getAttribute("data-preview-target"));
    var url = form.getAttribute("data-preview-source");
    if (!target || !url) return;
    var pending = null;
    function update() {
      var body = new URLSearchParams();
      var data = new FormData(form);
      ["format", "content"].forEach(function (name) { body.set(name, data.get(name) || ""); });
      fetch(url, { method: "POST", body: body, credentials: "same-origin" })
        .then(function (response) { return response.ok ? response.text() : null; })
        .then(function (html) { if (html !== null) target.innerHTML = html; });
    }
    form.addEventListener("input", function () {
      clearTimeout(pending);
      pending = setTimeout(update, 250);
    });
  }

  function limitSize(input) {
    var max = parseInt(input.getAttribute("data-max-bytes"), 10);
    input.addEventListener("change", function () {
      var file = input.files && input.files[0];
      input.setCustomValidity(file && file.size > max ? input.getAttribute("data-too-large") || "文件过大" : "");
      input.reportValidity();
    });
  }

  document.querySelectorAll("[data-refresh]").forEach(refresh);
  document.querySelectorAll("input[type=file][data-max-bytes]").forEach(limitSize);
  document.querySelectorAll("[data-preview-source]").forEach(preview);
})();
