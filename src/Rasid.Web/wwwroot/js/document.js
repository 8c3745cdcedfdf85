"use strict";
(() => {
  const { el, api, ltr, typeLabel } = Rasid;
  Rasid.header("");
  const id = new URLSearchParams(location.search).get("id");

  function row(table, ...cells) {
    table.querySelector("tbody").append(el("tr", {}, ...cells.map(c => el("td", {}, typeof c === "string" || c === null || c === undefined ? document.createTextNode(c || "") : c))));
  }

  async function load() {
    try {
      const doc = await api("/api/documents/" + encodeURIComponent(id || ""));
      document.title = "راصد — " + (doc.title || doc.id);
      document.getElementById("title").textContent = doc.title || doc.id;
      document.getElementById("meta").textContent = [doc.published, doc.source, doc.id].filter(Boolean).join(" · ");
      document.getElementById("legend").append(Rasid.legend());
      document.getElementById("story").append(Rasid.annotatedText(doc));
      const entities = document.getElementById("entities");
      for (const e of doc.entities || []) row(entities, e.text, e.type, e.actor ? ltr(e.actor) : "", e.canonical || "");
      const quotes = document.getElementById("quotes");
      for (const q of doc.quotes || []) row(quotes, q.speaker ? q.speaker.text : "", q.content ? q.content.text : "", q.kind === "direct" ? "مباشر" : "غير مباشر");
      const events = document.getElementById("events");
      for (const ev of doc.events || []) row(events, typeLabel(ev.type),
        ev.source ? el("span", {}, ev.source.text + " ", ltr(ev.source.actor)) : "", ev.trigger ? ev.trigger.text : "",
        ev.target ? el("span", {}, ev.target.text + " ", ltr(ev.target.actor)) : "", ev.date || "", ev.place ? ev.place.name : "");
    } catch (err) {
      document.getElementById("title").replaceChildren(el("span", { class: "error", text: "تعذر فتح المقال: " + err.message }));
    }
  }

  load();
})();
