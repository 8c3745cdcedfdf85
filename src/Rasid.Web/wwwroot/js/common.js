// Rasid UI helpers. Article text is only ever inserted with textContent / text nodes, never as HTML.
"use strict";
const Rasid = (() => {
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === "class") node.className = v;
      else if (k === "text") node.textContent = v;
      else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
      else node.setAttribute(k, v);
    }
    for (const c of children) {
      if (c === null || c === undefined) continue;
      node.append(typeof c === "string" ? document.createTextNode(c) : c);
    }
    return node;
  }

  async function api(path, options) {
    const response = await fetch(path, options);
    const body = await response.json().catch(() => null);
    if (!response.ok) {
      const detail = body && (body.detail || body.title) ? (body.detail || body.title) : response.statusText;
      throw new Error(detail);
    }
    return body;
  }

  function snippet(parts) {
    const span = el("span");
    for (const p of parts || []) span.append(p.hit ? el("mark", { text: p.text }) : document.createTextNode(p.text));
    return span;
  }

  function ltr(text) { return el("bdi", { class: "ltr", text: text || "" }); }

  const typeNames = { AGREE: "اتفاق", CONSULT: "تشاور", SUPPORT: "دعم", CONCEDE: "تنازل", COOPERATE: "تعاون", AID: "مساعدة",
    RETREAT: "انسحاب", REQUEST: "طلب", ACCUSE: "اتهام", REJECT: "رفض", THREATEN: "تهديد", PROTEST: "احتجاج",
    SANCTION: "عقوبة", MOBILIZE: "تعبئة", COERCE: "إكراه", ASSAULT: "هجوم" };
  const typeColors = { AGREE: "#2e7d32", CONSULT: "#00838f", SUPPORT: "#558b2f", CONCEDE: "#9e9d24", COOPERATE: "#1565c0", AID: "#00897b",
    RETREAT: "#6d4c41", REQUEST: "#5e35b1", ACCUSE: "#ef6c00", REJECT: "#8d6e63", THREATEN: "#d84315", PROTEST: "#f9a825",
    SANCTION: "#4527a0", MOBILIZE: "#546e7a", COERCE: "#ad1457", ASSAULT: "#c62828" };
  function typeLabel(type) { return (typeNames[type] ? typeNames[type] + " " : "") + "(" + type + ")"; }
  function typeColor(type) { return typeColors[type] || "#455a64"; }

  /** Renders text with entities, quotes and event triggers as coloured spans (flat segments; hover shows details). */
  function annotatedText(doc) {
    const text = doc.text || "";
    const marks = [];
    for (const e of doc.entities || []) marks.push({ start: e.start, end: e.end, cls: "ent-" + (e.type || "MISC"),
      tip: "كيان " + e.type + (e.actor ? " · " + e.actor : "") + (e.canonical ? " · " + e.canonical : "") + (e.evidence ? " · " + e.evidence.by : "") });
    for (const q of doc.quotes || []) if (q.content) marks.push({ start: q.content.start, end: q.content.end, cls: "quote",
      tip: "اقتباس " + (q.kind === "direct" ? "مباشر" : "غير مباشر") + (q.speaker ? " · المتحدث: " + q.speaker.text : "") + (q.speaker_actor ? " · " + q.speaker_actor : "") + (q.evidence ? " · " + q.evidence.by : "") });
    for (const ev of doc.events || []) if (ev.trigger) marks.push({ start: ev.trigger.start, end: ev.trigger.end, cls: "event", color: typeColor(ev.type),
      tip: "حدث " + ev.type + (ev.source && ev.source.actor ? " · " + ev.source.actor : "") + (ev.target && ev.target.actor ? " → " + ev.target.actor : "") + (ev.date ? " · " + ev.date : "") + (ev.evidence ? " · " + ev.evidence.by : "") });
    const cuts = new Set([0, text.length]);
    for (const m of marks) { cuts.add(Math.max(0, Math.min(text.length, m.start))); cuts.add(Math.max(0, Math.min(text.length, m.end))); }
    const points = [...cuts].sort((a, b) => a - b);
    const container = el("div", { class: "story", dir: "rtl" });
    for (let i = 0; i + 1 < points.length; i++) {
      const a = points[i], b = points[i + 1];
      const piece = text.slice(a, b);
      const covering = marks.filter(m => m.start <= a && b <= m.end);
      if (covering.length === 0) { container.append(document.createTextNode(piece)); continue; }
      const span = el("span", { class: "ann " + covering.map(m => m.cls).join(" "), title: covering.map(m => m.tip).join("\n"), text: piece });
      const ev = covering.find(m => m.color);
      if (ev) span.style.outlineColor = ev.color;
      container.append(span);
    }
    return container;
  }

  function legend() {
    return el("div", { class: "legend meta" },
      el("span", { class: "ent-PER", text: "شخص" }), el("span", { class: "ent-ORG", text: "منظمة" }),
      el("span", { class: "ent-LOC", text: "مكان" }), el("span", { class: "ent-MISC", text: "أخرى" }),
      el("span", { class: "quote", text: "اقتباس" }), el("span", { class: "event", text: "حدث" }));
  }

  function header(active) {
    const links = [["index.html", "البحث"], ["events.html", "الأحداث"], ["analyze.html", "تحليل نص"], ["scalar", "واجهة API"]];
    const nav = el("nav");
    for (const [href, label] of links) nav.append(el("a", { href: "/" + href, class: href === active ? "active" : null, text: label }));
    document.body.prepend(el("header", { class: "top" }, el("a", { class: "brand", href: "/index.html", text: "راصد" }), nav));
  }

  return { el, api, snippet, ltr, typeLabel, typeColor, annotatedText, legend, header };
})();
