"use strict";
(() => {
  const { el, api, ltr, typeLabel, typeColor } = Rasid;
  Rasid.header("events.html");
  let page = 1;
  const pageSize = 25;

  document.getElementById("filters").addEventListener("submit", e => { e.preventDefault(); page = 1; loadEvents(); });

  async function loadStats() {
    const stats = await api("/api/stats");
    const c = stats.catalog;
    document.getElementById("stats").replaceChildren(
      ...[["مقالات", c.documents], ["أحداث", c.events], ["اقتباسات", c.quotes], ["كيانات", c.entities]].map(([l, n]) => el("span", { class: "stat" }, el("b", { text: String(n) }), " " + l)),
      el("span", { class: "meta", text: (c.first_published || "") + " – " + (c.last_published || "") }));
    const select = document.getElementById("type");
    for (const type of Object.keys(c.events_by_type)) select.append(el("option", { value: type, text: typeLabel(type) + " " + c.events_by_type[type] }));
    drawTimeline(c.events_per_day || []);
    drawMap(c.event_places || []);
  }

  function drawTimeline(perDay) {
    const box = document.getElementById("timeline");
    if (!perDay.length || typeof uPlot === "undefined") { box.textContent = "لا توجد أحداث مؤرخة"; return; }
    const days = [...new Set(perDay.map(d => d.date))].sort();
    const types = [...new Set(perDay.map(d => d.type))].sort();
    const xs = days.map(d => Date.parse(d + "T00:00:00Z") / 1000);
    const series = types.map(t => days.map(d => { const hit = perDay.find(x => x.date === d && x.type === t); return hit ? hit.count : 0; }));
    const opts = {
      width: Math.max(320, box.clientWidth - 10), height: 280,
      scales: { x: { time: true }, y: { range: (u, min, max) => [0, Math.max(1, max)] } },
      series: [{}, ...types.map(t => ({ label: t, stroke: typeColor(t), width: 2, points: { size: 7, fill: typeColor(t) } }))],
      axes: [{ space: 60, incrs: [86400, 7 * 86400, 30 * 86400], values: (u, vals) => vals.map(v => new Date(v * 1000).toISOString().slice(0, 10)) }, { values: (u, vals) => vals.map(v => Number.isInteger(v) ? String(v) : "") }],
    };
    box.replaceChildren();
    new uPlot(opts, [xs, ...series], box);
  }

  async function drawMap(places) {
    const box = document.getElementById("map");
    if (typeof L === "undefined") return;
    const map = L.map(box, { attributionControl: true, worldCopyJump: false, minZoom: 1 }).setView([30, 30], 2);
    map.attributionControl.setPrefix(false).addAttribution("Natural Earth · world-atlas");
    try {
      const world = await fetch("/lib/worldatlas/countries-110m.json").then(r => r.json());
      const countries = topojson.feature(world, world.objects.countries);
      L.geoJSON(countries, { style: { color: "#8aa0b6", weight: 0.6, fillColor: "#f3efe4", fillOpacity: 1 } }).addTo(map);
    } catch (err) { box.append(el("div", { class: "error", text: "تعذر تحميل الخريطة" })); }
    const bounds = [];
    for (const p of places) {
      const marker = L.circleMarker([p.lat, p.lon], { radius: 5 + Math.min(15, Math.sqrt(p.count) * 3), color: "#b71c1c", fillColor: "#e53935", fillOpacity: 0.7, weight: 1 });
      const tip = document.createElement("span");
      tip.textContent = p.name + " — " + p.count;
      marker.bindTooltip(tip).addTo(map);
      bounds.push([p.lat, p.lon]);
    }
    if (bounds.length) map.fitBounds(bounds, { padding: [40, 40], maxZoom: 5 });
  }

  async function loadEvents() {
    const p = new URLSearchParams();
    for (const id of ["type", "actor", "from", "to"]) { const v = document.getElementById(id).value.trim(); if (v) p.set(id, v); }
    p.set("page", String(page));
    p.set("page_size", String(pageSize));
    const tbody = document.querySelector("#events tbody");
    const summary = document.getElementById("summary");
    tbody.replaceChildren();
    try {
      const data = await api("/api/events?" + p.toString());
      summary.textContent = "عدد الأحداث: " + data.total;
      for (const row of data.items) {
        const ev = row.event;
        const participant = x => x ? el("span", {}, x.text + " ", ltr(x.actor)) : "";
        const cells = [row.date || "", el("span", { class: "badge", style: "border-inline-start: 4px solid " + typeColor(ev.type), text: typeLabel(ev.type) }),
          participant(ev.source), ev.trigger ? ev.trigger.text : "", participant(ev.target), ev.place ? ev.place.name : "",
          el("a", { href: "/document.html?id=" + encodeURIComponent(row.document_id), text: row.title || row.document_id })];
        tbody.append(el("tr", { "data-type": ev.type }, ...cells.map(c => el("td", {}, typeof c === "string" ? document.createTextNode(c) : c))));
      }
      const pages = Math.max(1, Math.ceil(data.total / pageSize));
      const pager = document.getElementById("pager");
      pager.replaceChildren();
      if (pages > 1) pager.append(
        el("button", { class: "secondary", disabled: page <= 1 ? "disabled" : null, onclick: () => { page--; loadEvents(); }, text: "السابق" }),
        el("span", { text: page + " / " + pages }),
        el("button", { class: "secondary", disabled: page >= pages ? "disabled" : null, onclick: () => { page++; loadEvents(); }, text: "التالي" }));
    } catch (err) {
      summary.replaceChildren(el("span", { class: "error", text: "خطأ: " + err.message }));
    }
  }

  loadStats().catch(err => document.getElementById("stats").replaceChildren(el("span", { class: "error", text: err.message })));
  loadEvents();
})();
