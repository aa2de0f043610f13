// Admin area behaviour: confirmation before destructive actions and the editor's live preview.
(function () {
  "use strict";

  document.addEventListener("submit", function (event) {
    var button = event.submitter || event.target.querySelector("[data-confirm]");
    var message = button && button.getAttribute("data-confirm");
    if (message && !window.confirm(message)) {
      event.preventDefault();
    }
  });

  var editor = document.querySelector("textarea[data-preview-url]");
  if (!editor) return;

  var target = document.querySelector(editor.getAttribute("data-preview-target"));
  var url = editor.getAttribute("data-preview-url");
  var tokenInput = editor.form.querySelector("input[name='__RequestVerificationToken']");
  var timer = null;
  var latest = 0;

  function render() {
    var request = ++latest;
    var body = new FormData();
    body.append("body", editor.value);
    fetch(url, {
      method: "POST",
      body: body,
      credentials: "same-origin",
      headers: { "RequestVerificationToken": tokenInput ? tokenInput.value : "" }
    })
      .then(function (response) { return response.ok ? response.text() : Promise.reject(response.status); })
      .then(function (html) {
        // The server returns the sanitised reader rendering; an older answer never overwrites a newer one.
        if (request === latest) target.innerHTML = html;
      })
      .catch(function () {
        if (request === latest) target.textContent = "تعذّر تحديث المعاينة.";
      });
  }

  editor.addEventListener("input", function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(render, 300);
  });
  render();
})();

// Newsletter progress: polls the numbers until it has gone out to everyone.
(function () {
  "use strict";

  var panel = document.querySelector("[data-progress-url]");
  if (!panel) return;
  var url = panel.getAttribute("data-progress-url");

  function show(name, value) {
    var field = panel.querySelector("[data-field='" + name + "']");
    if (!field) return;
    if (field.tagName === "PROGRESS") {
      field.value = value;
      field.textContent = value + "%";
    } else {
      field.textContent = value === null || value === undefined ? "—" : String(value);
    }
  }

  function poll() {
    fetch(url, { credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(function (response) { return response.ok ? response.json() : Promise.reject(response.status); })
      .then(function (p) {
        ["percent", "sent", "failed", "waiting", "total", "perSecond", "secondsLeft"].forEach(function (name) { show(name, p[name]); });
        if (p.status !== "Sent") window.setTimeout(poll, 1000);
      })
      .catch(function () { window.setTimeout(poll, 5000); });
  }

  poll();
})();
