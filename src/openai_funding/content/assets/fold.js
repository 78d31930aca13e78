// A folded appendix (<details class="of-fold">) opens when a link leads into it: a claim's row
// of the Sources table, named by the address's fragment (#claim-c026) when the page opens, when
// the fragment changes, or when a link to it is followed again. Browsers that open <details> on
// fragment navigation do it themselves; this does it in every one, then shows the row.
(() => {
  "use strict";
  const reveal = (id, scroll) => {
    let target = null;
    try {
      target = id ? document.getElementById(decodeURIComponent(id)) : null;
    } catch (_) {
      return;
    }
    if (!target) return;
    let opened = false;
    for (let box = target.closest("details"); box; box = box.parentElement.closest("details")) {
      if (!box.open) {
        box.open = true;
        opened = true;
      }
    }
    if (opened || scroll) target.scrollIntoView({ block: "center" });
  };
  const fragment = () => location.hash.slice(1);
  window.addEventListener("hashchange", () => reveal(fragment(), false));
  document.addEventListener("click", (event) => {
    const link = event.target.closest && event.target.closest('a[href^="#"]');
    if (link && link.getAttribute("href").slice(1) === fragment()) {
      reveal(fragment(), true); // the same fragment again: no hashchange
    }
  });
  reveal(fragment(), false);
})();
