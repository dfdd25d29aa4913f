/* sphinx_interrogations: one-click copy of the permalink and citations in each "Cite" box.
 * No network; works from file:// too (falls back to a hidden textarea and execCommand). */
(function () {
  "use strict";

  function copyWithSelection(text) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.top = "0";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    var copied = false;
    try {
      copied = document.execCommand("copy");
    } catch (error) {
      copied = false;
    }
    document.body.removeChild(area);
    return copied ? Promise.resolve() : Promise.reject(new Error("copy refused"));
  }

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).catch(function () {
        return copyWithSelection(text);
      });
    }
    return copyWithSelection(text);
  }

  function selectText(element) {
    var range = document.createRange();
    range.selectNodeContents(element);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }

  function announce(button, message) {
    var label = button.getAttribute("data-label") || button.textContent;
    button.setAttribute("data-label", label);
    button.textContent = message;
    window.clearTimeout(button.seminarTimer);
    button.seminarTimer = window.setTimeout(function () {
      button.textContent = label;
    }, 2000);
  }

  function setUp(button) {
    var text = button.parentNode.querySelector(".seminar-cite-text");
    if (!text) {
      return;
    }
    button.hidden = false;
    button.setAttribute("aria-live", "polite");
    button.addEventListener("click", function () {
      copyText(text.textContent).then(
        function () {
          announce(button, button.getAttribute("data-copied"));
        },
        function () {
          selectText(text);
          announce(button, button.getAttribute("data-failed"));
        }
      );
    });
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll(".seminar-copy"), setUp);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
