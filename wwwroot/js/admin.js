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
