/* sphinx_interrogations: names for the theme's unnamed landmarks (two <aside> elements must be
   told apart by assistive technology); the names come from the page (window.SEMINAR_LANDMARKS,
   translated by the build). */
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    var names = window.SEMINAR_LANDMARKS || {};
    Object.keys(names).forEach(function (selector) {
      document.querySelectorAll(selector).forEach(function (landmark) {
        if (!landmark.hasAttribute("aria-label") && !landmark.hasAttribute("aria-labelledby")) {
          landmark.setAttribute("aria-label", names[selector]);
        }
      });
    });
  });
})();
