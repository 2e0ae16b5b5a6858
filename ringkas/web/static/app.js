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

// What is new since the last visit: the browser keeps, per story, the server time of the last
// visit (localStorage); parts of a story saved later are marked, and the list marks stories that
// changed after their last visit. Without this file, ?since=TIME marks the same parts server-side.
document.addEventListener("DOMContentLoaded", () => {
  const key = (id) => "ringkas:visit:" + id;
  const read = (id) => {
    try {
      return localStorage.getItem(key(id));
    } catch {
      return null;
    }
  };
  const story = document.querySelector("article.story[data-story]");
  if (story) {
    const seen = read(story.dataset.story);
    if (seen && !story.dataset.since) {
      let count = 0;
      for (const part of story.querySelectorAll(".part[data-at]")) {
        if (part.dataset.at && part.dataset.at > seen) {
          part.classList.add("new");
          if (part.closest("ol.changes")) count += 1;
        }
      }
      const banner = story.querySelector(".changes-banner");
      if (banner && count) {
        banner.textContent = count + " " + banner.dataset.label;
        banner.hidden = false;
        story.classList.add("changed");
      }
    }
    try {
      localStorage.setItem(key(story.dataset.story), story.dataset.now);
    } catch {
      // private mode: nothing is remembered
    }
  }
  for (const card of document.querySelectorAll(".card[data-story]")) {
    const seen = read(card.dataset.story);
    if (seen && card.dataset.changed && card.dataset.changed > seen) {
      card.classList.add("new");
      const badge = card.querySelector(".badge-new");
      if (badge) badge.hidden = false;
    }
  }
});
