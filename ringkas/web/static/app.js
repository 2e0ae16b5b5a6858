// ringkas web UI: small progressive enhancements; every page works without this file.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  // Say that the pipeline is working, and keep a second click from sending the files twice.
  for (const form of document.querySelectorAll("form.ingest")) {
    form.addEventListener("submit", () => {
      const button = form.querySelector("button[data-busy]");
      if (button) {
        button.disabled = true;
        button.textContent = button.dataset.busy;
      }
    });
  }
  // Bring a highlighted sentence into view when the page was opened without its #anchor.
  const marked = document.querySelector(".sentence.hl");
  if (marked && !location.hash) {
    marked.scrollIntoView({ block: "center" });
  }
});
