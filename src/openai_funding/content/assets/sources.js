// The Sources table, filtered and sorted in the page (no network): a search box above it keeps
// the rows that contain every word typed; a click on a column's header sorts by it.
(() => {
  "use strict";
  const first = document.querySelector('table [id^="claim-"]');
  const table = first && first.closest("table");
  if (!table || !table.tBodies.length) return;
  const body = table.tBodies[0];
  const rows = Array.from(body.rows);
  const tools = document.createElement("div");
  tools.className = "of-sources-tools";
  const label = document.createElement("label");
  label.textContent = document.documentElement.lang === "fr" ? "Filtrer les sources " : "Filter the sources ";
  const input = document.createElement("input");
  input.type = "search";
  input.setAttribute("aria-controls", table.id || "");
  const count = document.createElement("span");
  count.className = "of-sources-count";
  count.setAttribute("aria-live", "polite");
  label.append(input);
  tools.append(label, " ", count);
  (table.closest("figure") || table).before(tools);
  const words = (text) => text.toLowerCase().split(/\s+/).filter(Boolean);
  const show = () => {
    const wanted = words(input.value);
    let shown = 0;
    for (const row of rows) {
      const text = row.textContent.toLowerCase();
      const keep = wanted.every((w) => text.includes(w));
      row.hidden = !keep;
      if (keep) shown += 1;
    }
    count.textContent = shown + " / " + rows.length;
  };
  input.addEventListener("input", show);
  show();
  const heads = Array.from(table.tHead ? table.tHead.rows[0].cells : []);
  heads.forEach((head, column) => {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "of-sort";
    button.append(...Array.from(head.childNodes));
    head.append(button);
    button.addEventListener("click", () => {
      const up = head.getAttribute("aria-sort") !== "ascending";
      for (const other of heads) other.removeAttribute("aria-sort");
      head.setAttribute("aria-sort", up ? "ascending" : "descending");
      const key = (row) => (row.cells[column] ? row.cells[column].textContent.trim() : "");
      const sorted = rows.slice().sort((a, b) => {
        const order = key(a).localeCompare(key(b), undefined, { numeric: true });
        return up ? order : -order;
      });
      body.append(...sorted);
    });
  });
})();
