// A table wider than its column reads row by row (below); one still wider, or a chart that keeps
// a minimum width (its spec's usermeta.minWidth: a diagram whose words would not fit a phone),
// scrolls sideways inside a box of its own, never the page. While it does, the box can be reached with the keyboard (Tab, then
// the arrow keys scroll it) and is named by its figure's caption for screen readers (a region).
// Checked again when the box or its content changes size (a folded appendix that opens, a
// phone turned sideways). Runs before the charts draw, so a chart is drawn in its box.
(() => {
  "use strict";
  const caption = (node) => {
    const figure = node.closest("figure");
    const text = figure && figure.querySelector("figcaption");
    return text ? text.textContent.trim() : "";
  };
  const update = (box) => {
    if (box.scrollWidth > box.clientWidth + 1) {
      box.tabIndex = 0;
      box.setAttribute("role", "region");
      box.setAttribute("aria-label", box.dataset.name);
    } else {
      box.removeAttribute("tabindex");
      box.removeAttribute("role");
      box.removeAttribute("aria-label");
    }
  };
  // A table that does not fit its box reads as a list of "header: value" per row (.of-stack,
  // page.css), as on a phone; tried again whenever the box's width changes.
  const fit = (wrapper) => {
    const table = wrapper.firstElementChild;
    if (!table || table.tagName !== "TABLE") return;
    table.classList.remove("of-stack");
    if (wrapper.scrollWidth > wrapper.clientWidth + 1) table.classList.add("of-stack");
  };
  const widths = new WeakMap();
  const observer = new ResizeObserver((entries) => entries.forEach((e) => {
    const wrapper = e.target;
    if (widths.get(wrapper) !== wrapper.clientWidth) {
      widths.set(wrapper, wrapper.clientWidth);
      fit(wrapper);
    }
    update(wrapper);
  }));
  const box = (node) => {
    const wrapper = document.createElement("div");
    wrapper.className = "of-scroll";
    wrapper.dataset.name = caption(node);
    node.before(wrapper);
    wrapper.append(node);
    fit(wrapper);
    update(wrapper);
    observer.observe(wrapper);
  };
  const minWidth = (chart) => {
    const spec = document.getElementById(chart.id + "-spec");
    try {
      const meta = spec ? JSON.parse(spec.textContent).usermeta : null;
      return meta && Number(meta.minWidth) > 0 ? Number(meta.minWidth) : 0;
    } catch (_) {
      return 0;
    }
  };
  document.querySelectorAll("main table").forEach((table) => {
    if (!table.closest(".of-evidence, .of-scroll")) box(table);
  });
  document.querySelectorAll("main div.of-chart").forEach((chart) => {
    const least = minWidth(chart);
    if (least) {
      chart.style.minWidth = least + "px";
      box(chart);
    }
  });
})();
