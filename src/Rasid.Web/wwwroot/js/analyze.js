"use strict";
(() => {
  const { el, api } = Rasid;
  Rasid.header("analyze.html");
  const input = document.getElementById("input");
  const status = document.getElementById("status");
  let timer = null;
  let seq = 0;

  async function analyze() {
    const text = input.value;
    if (!text.trim()) return;
    const mine = ++seq;
    status.textContent = "جارٍ التحليل…";
    const body = { text };
    const published = document.getElementById("published").value;
    if (published) body.published = published;
    try {
      const doc = await api("/api/analyze", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
      if (mine !== seq) return;
      status.textContent = "";
      document.getElementById("result").hidden = false;
      const counts = document.getElementById("counts");
      counts.replaceChildren(
        ...[["جمل", doc.sentences], ["رموز", doc.tokens], ["كيانات", doc.entities], ["اقتباسات", doc.quotes], ["تعابير زمنية", doc.times], ["أحداث", doc.events]]
          .map(([label, list]) => el("span", { class: "stat", "data-count": label }, el("b", { text: String((list || []).length) }), " " + label)),
        el("div", { text: "المكونات: " + (doc.pipeline || []).join("، ") }));
      const legend = document.getElementById("legend");
      legend.replaceChildren(Rasid.legend());
      document.getElementById("story").replaceChildren(Rasid.annotatedText(doc));
    } catch (err) {
      status.replaceChildren(el("span", { class: "error", text: "خطأ: " + err.message }));
    }
  }

  input.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(analyze, 500); });
  document.getElementById("analyze").addEventListener("click", analyze);
})();
