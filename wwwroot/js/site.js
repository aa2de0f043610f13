// Reader pages: click-to-load for third-party embeds. The page works without this script.
(function () {
  "use strict";
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest(".embed-load");
    if (!button) return;
    var figure = button.closest("figure[data-embed-src]");
    var src = figure && figure.getAttribute("data-embed-src");
    if (!src || !/^https:\/\/(www\.youtube-nocookie\.com|player\.vimeo\.com)\//.test(src)) return;
    var frame = document.createElement("iframe");
    frame.src = src;
    frame.title = figure.getAttribute("data-embed-title") || "";
    frame.loading = "lazy";
    frame.allow = "fullscreen; picture-in-picture";
    frame.setAttribute("allowfullscreen", "");
    frame.referrerPolicy = "strict-origin-when-cross-origin";
    figure.replaceChildren(frame);
    figure.classList.remove("embed-deferred");
  });
})();
