// The newsletter sign-up box: with JavaScript the form is sent in the background and the answer
// shown in place; without it, the same form posts and the reader lands on a message page.
(function () {
  "use strict";

  var failed = "تعذّر إرسال طلبك الآن. يُرجى المحاولة بعد قليل.";
  var tooMany = "طلبات كثيرة في وقت قصير. يُرجى المحاولة بعد دقيقة.";

  document.querySelectorAll("form[data-newsletter]").forEach(function (form) {
    var status = form.querySelector(".newsletter-status");
    var button = form.querySelector("button[type='submit']");

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      button.disabled = true;
      status.classList.remove("is-error");
      fetch(form.action, {
        method: "POST",
        body: new URLSearchParams(new FormData(form)),
        headers: { "Accept": "application/json" },
        credentials: "omit"
      })
        .then(function (response) {
          if (response.status === 429) return { ok: false, message: tooMany };
          return response.json().catch(function () { return { ok: false, message: failed }; });
        })
        .then(function (answer) {
          status.textContent = answer.message || failed;
          status.classList.toggle("is-error", !answer.ok);
          if (answer.ok) form.reset();
        })
        .catch(function () {
          status.textContent = failed;
          status.classList.add("is-error");
        })
        .finally(function () { button.disabled = false; });
    });
  });
})();
