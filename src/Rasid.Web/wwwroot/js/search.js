"use strict";
(() => {
  const { el, api, snippet, ltr, typeLabel } = Rasid;
  Rasid.header("index.html");
  const params = new URLSearchParams(location.search);
  const filters = { type: params.get("type"), actor: params.get("actor"), place: params.get("place"), source: params.get("source") };
  let page = Number(params.get("page") || 1);
  for (const id of ["q", "kind", "sort", "from", "to"]) if (params.get(id)) document.getElementById(id).value = params.get(id);

  document.getElementById("search-form").addEventListener("submit", e => { e.preventDefault(); page = 1; run(); });

  function currentParams() {
    const p = new URLSearchParams();
    for (const id of ["q", "kind", "sort", "from", "to"]) { const v = document.getElementById(id).value; if (v) p.set(id, v); }
    for (const [k, v] of Object.entries(filters)) if (v) p.set(k, v);
    if (page > 1) p.set("page", String(page));
    return p;
  }

  async function run() {
    const p = currentParams();
    history.replaceState(null, "", "?" + p.toString());
    const results = document.getElementById("results");
    const summary = document.getElementById("summary");
    results.replaceChildren();
    try {
      const data = await api("/api/search?" + p.toString() + "&page_size=10");
      summary.textContent = "عدد النتائج: " + data.total;
      for (const hit of data.results) results.append(renderHit(hit, p.get("q") || ""));
      renderFacets(data.facets || {});
      renderPager(data);
    } catch (err) {
      summary.replaceChildren(el("span", { class: "error", text: "خطأ: " + err.message }));
    }
  }

  const kindNames = { document: "مقال", quote: "اقتباس", event: "حدث" };
  function renderHit(hit, q) {
    const href = "/document.html?id=" + encodeURIComponent(hit.document_id) + (q ? "&q=" + encodeURIComponent(q) : "");
    const title = hit.title_snippet && hit.title_snippet.length ? snippet(hit.title_snippet) : document.createTextNode(hit.title || hit.document_id);
    const meta = el("div", { class: "meta" }, el("span", { class: "badge", text: kindNames[hit.kind] || hit.kind }),
      hit.event_type ? el("span", { class: "badge", text: typeLabel(hit.event_type) }) : null,
      hit.date ? el("span", { text: hit.date + " " }) : null, hit.source ? el("span", { text: "· " + hit.source + " " }) : null);
    for (const a of hit.actors || []) meta.append(" ", ltr(a));
    return el("div", { class: "hit", "data-key": hit.key },
      el("div", { class: "title" }, el("a", { href }, title)), meta, el("div", { class: "snippet" }, snippet(hit.snippet)));
  }

  const facetNames = { kind: "النوع", type: "نوع الحدث", actor: "الفاعل", place: "المكان", source: "المصدر" };
  function renderFacets(facets) {
    const box = document.getElementById("facets");
    box.replaceChildren();
    for (const dim of ["kind", "type", "actor", "place", "source"]) {
      const values = facets[dim] || [];
      if (!values.length) continue;
      const list = el("ul", { "data-facet": dim });
      for (const v of values.slice(0, 12)) {
        const on = dim === "kind" ? document.getElementById("kind").value === v.value : filters[dim] === v.value;
        list.append(el("li", { class: on ? "on" : null, "data-value": v.value, onclick: () => toggle(dim, v.value, on) },
          el("span", { text: dim === "type" ? typeLabel(v.value) : (dim === "kind" ? (kindNames[v.value] || v.value) : v.value) }), el("span", { class: "count", text: String(v.count) })));
      }
      box.append(el("h3", { text: facetNames[dim] }), list);
    }
  }

  function toggle(dim, value, on) {
    if (dim === "kind") document.getElementById("kind").value = on ? "" : value;
    else filters[dim] = on ? null : value;
    page = 1;
    run();
  }

  function renderPager(data) {
    const pager = document.getElementById("pager");
    pager.replaceChildren();
    const pages = Math.max(1, Math.ceil(data.total / data.limit));
    if (pages <= 1) return;
    pager.append(el("button", { class: "secondary", disabled: page <= 1 ? "disabled" : null, onclick: () => { page--; run(); }, text: "السابق" }),
      el("span", { text: page + " / " + pages }),
      el("button", { class: "secondary", disabled: page >= pages ? "disabled" : null, onclick: () => { page++; run(); }, text: "التالي" }));
  }

  run();
})();
