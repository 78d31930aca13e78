// The evidence behind each number: hovering or focusing a link of class "claim" shows its
// claims (the quote, the words that state the value highlighted, the source, its date and
// status, links to the source and to the claim's row in the Sources section); a derived value
// also shows how it was computed. Everything from the data is set as text, never as markup.
// The card's own words are English unless the page gives its edition's (JSON "of-evidence-words").
(() => {
  "use strict";
  const store = document.getElementById("of-claims");
  if (!store) return;
  const claims = JSON.parse(store.textContent);
  const given = document.getElementById("of-evidence-words");
  const words = Object.assign(
    { computed: "Computed: {how}", from: "From:", source: "source", claim: "claim {id}" },
    given ? JSON.parse(given.textContent) : {},
  );
  const fill = (template, name, value) => template.split("{" + name + "}").join(value);
  let count = 0;
  let current = null;
  let timer = null;

  const make = (tag, cls, text) => {
    const node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined) node.textContent = text;
    return node;
  };

  const quote = (claim) => {
    const block = make("span", "of-quote");
    const text = claim.quote;
    const at = claim.words ? text.indexOf(claim.words) : -1;
    if (at < 0) {
      block.textContent = "“" + text + "”";
      return block;
    }
    block.append("“" + text.slice(0, at));
    block.append(make("mark", "", claim.words));
    block.append(text.slice(at + claim.words.length) + "”");
    return block;
  };

  const card = (anchor) => {
    const box = make("span", "of-evidence");
    count += 1;
    box.id = "of-evidence-" + count;
    box.setAttribute("role", "tooltip");
    const how = anchor.getAttribute("data-how");
    if (how) box.append(make("span", "of-how", fill(words.computed, "how", how)));
    const ids = (anchor.getAttribute("data-claims") || "").split(/\s+/).filter(Boolean);
    if (how && ids.length) box.append(make("span", "of-inputs", words.from));
    for (const id of ids) {
      const claim = claims[id];
      if (!claim) continue;
      const item = make("span", "of-claim");
      item.append(quote(claim));
      const about = make("span", "of-source");
      about.append(make("strong", "of-status", claim.status), " · " + claim.source);
      if (claim.date) {
        about.append(", ");
        about.append(claim.words ? claim.date : make("mark", "", claim.date));
      }
      if (/^https?:\/\//.test(claim.url)) {
        const link = make("a", "", words.source);
        link.href = claim.url;
        link.rel = "noopener noreferrer";
        about.append(" · ", link);
      }
      const row = make("a", "", fill(words.claim, "id", id));
      row.href = "#claim-" + id;
      about.append(" · ", row);
      item.append(about);
      box.append(item);
    }
    return box;
  };

  const hide = () => {
    clearTimeout(timer);
    if (!current) return;
    current.anchor.removeAttribute("aria-describedby");
    current.box.remove();
    current = null;
  };

  const show = (anchor) => {
    clearTimeout(timer);
    if (current && current.anchor === anchor) return;
    hide();
    const box = card(anchor);
    anchor.after(box);
    anchor.setAttribute("aria-describedby", box.id);
    current = { anchor, box };
    place();
  };

  // The card sits below its number (above it when there is no room), inside the window.
  const place = () => {
    if (!current) return;
    const { anchor, box } = current;
    const rect = anchor.getBoundingClientRect();
    const room = document.documentElement.clientWidth || window.innerWidth;
    const width = Math.min(440, room - 16);
    box.style.width = width + "px";
    box.style.left = Math.max(8, Math.min(rect.left, room - width - 8)) + "px";
    const below = rect.bottom + 6;
    box.style.top = below + "px";
    if (below + box.offsetHeight > window.innerHeight && rect.top > box.offsetHeight + 6) {
      box.style.top = rect.top - box.offsetHeight - 6 + "px";
    }
  };

  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(hide, 300);
  };
  const inside = (node) =>
    current && node && (current.anchor.contains(node) || current.box.contains(node));

  document.addEventListener("mouseover", (event) => {
    const anchor = event.target.closest && event.target.closest("a.claim");
    if (anchor) show(anchor);
    else if (inside(event.target)) clearTimeout(timer);
  });
  document.addEventListener("mouseout", (event) => {
    if (current && !inside(event.relatedTarget)) later();
  });
  document.addEventListener("focusin", (event) => {
    const anchor = event.target.closest && event.target.closest("a.claim");
    if (anchor) show(anchor);
    else if (!inside(event.target)) hide();
  });
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && current) {
      const anchor = current.anchor;
      hide();
      anchor.focus({ preventScroll: true });
    }
  });
  window.addEventListener("scroll", place, { passive: true });
  window.addEventListener("resize", place);
  for (const anchor of document.querySelectorAll("a.claim")) {
    anchor.setAttribute("aria-haspopup", "true");
  }
})();
