
"use strict";
(function () {
  const data = JSON.parse(document.getElementById("newskg-data").textContent);
  const svg = document.getElementById("graph");
  const viewport = document.getElementById("viewport");
  const details = document.getElementById("details");
  const nodes = Array.from(document.querySelectorAll("g.node"));
  const edges = Array.from(document.querySelectorAll("g.edge"));
  const edgeLabels = Array.from(document.querySelectorAll("text.edge-label"));
  let view = { x: 0, y: 0, k: 1 };
  const apply = () => viewport.setAttribute("transform", `translate(${view.x} ${view.y}) scale(${view.k})`);

  function el(tag, text) {
    const e = document.createElement(tag);
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function list(title, items) {
    if (!items || !items.length) return;
    details.appendChild(el("h3", title));
    const ul = el("ul");
    for (const item of items) ul.appendChild(el("li", item));
    details.appendChild(ul);
  }
  function quotes(title, items) {
    if (!items || !items.length) return;
    details.appendChild(el("h3", title));
    for (const item of items) details.appendChild(el("blockquote", item));
  }
  function neighbours(index) {
    const near = new Set([index]);
    for (const e of data.edges) {
      if (e.source === index) near.add(e.target);
      if (e.target === index) near.add(e.source);
    }
    return near;
  }
  function highlight(near) {
    nodes.forEach((n, i) => n.classList.toggle("dim", near !== null && !near.has(i)));
    edges.forEach((g, i) => {
      const e = data.edges[i];
      g.classList.toggle("dim", near !== null && !(near.has(e.source) && near.has(e.target)));
    });
    edgeLabels.forEach((t) => {
      const e = data.edges[Number(t.dataset.index)];
      t.classList.toggle("dim", near !== null && !(near.has(e.source) && near.has(e.target)));
    });
  }
  function showNode(index) {
    const n = data.nodes[index];
    details.replaceChildren();
    details.appendChild(el("h2", n.label));
    details.appendChild(el("p", n.type || ""));
    list("Also written as", n.aliases);
    list("Articles", n.article_ids.length ? n.article_ids : n.articles);
    const facts = data.edges.filter((e) => e.source === index || e.target === index)
      .map((e) => `${data.nodes[e.source].label} — ${e.label} → ${data.nodes[e.target].label}`);
    list("Relations", facts);
    details.appendChild(el("p", n.id)).className = "iri";
    nodes.forEach((g, i) => g.classList.toggle("selected", i === index));
    highlight(neighbours(index));
  }
  function showEdge(index) {
    const e = data.edges[index];
    details.replaceChildren();
    const heading = `${data.nodes[e.source].label} — ${e.label} → ${data.nodes[e.target].label}`;
    details.appendChild(el("h2", heading));
    details.appendChild(el("p", e.relation));
    if (e.status) details.appendChild(el("p", `status: ${e.status}`));
    if (e.since || e.until) details.appendChild(el("p", `from ${e.since || "?"} until ${e.until || "?"}`));
    list("Titles as written", e.titles);
    list("Articles", e.article_ids && e.article_ids.length ? e.article_ids : e.articles);
    list("Dates", e.dates);
    quotes("Evidence", e.evidence);
    list("Rules", e.rules);
    highlight(new Set([e.source, e.target]));
  }
  nodes.forEach((g, i) => {
    g.addEventListener("click", (ev) => { ev.stopPropagation(); showNode(i); });
    g.addEventListener("keydown", (ev) => { if (ev.key === "Enter") showNode(i); });
    g.addEventListener("mouseenter", () => highlight(neighbours(i)));
    g.addEventListener("mouseleave", () => highlight(null));
  });
  for (const g of [...edges, ...edgeLabels]) {
    g.addEventListener("click", (ev) => { ev.stopPropagation(); showEdge(Number(g.dataset.index)); });
  }

  const search = document.getElementById("search");
  search.addEventListener("input", () => {
    const q = search.value.trim().toLowerCase();
    nodes.forEach((g, i) => {
      const n = data.nodes[i];
      const hit = q !== "" && [n.label, ...n.aliases].some((s) => s.toLowerCase().includes(q));
      g.classList.toggle("match", hit);
      g.classList.toggle("dim", q !== "" && !hit);
    });
  });

  let drag = null;
  svg.addEventListener("pointerdown", (ev) => {
    if (ev.target.closest("g.node, g.edge, text.edge-label")) return;
    drag = { x: ev.clientX, y: ev.clientY, vx: view.x, vy: view.y };
    svg.classList.add("panning");
    svg.setPointerCapture(ev.pointerId);
  });
  svg.addEventListener("pointermove", (ev) => {
    if (!drag) return;
    const scale = svg.viewBox.baseVal.width / svg.clientWidth || 1;
    view.x = drag.vx + (ev.clientX - drag.x) * scale;
    view.y = drag.vy + (ev.clientY - drag.y) * scale;
    apply();
  });
  svg.addEventListener("pointerup", () => { drag = null; svg.classList.remove("panning"); });
  svg.addEventListener("wheel", (ev) => {
    ev.preventDefault();
    const box = svg.viewBox.baseVal;
    const rect = svg.getBoundingClientRect();
    const px = box.x + (ev.clientX - rect.left) * box.width / rect.width;
    const py = box.y + (ev.clientY - rect.top) * box.height / rect.height;
    const factor = ev.deltaY < 0 ? 1.15 : 1 / 1.15;
    view.x = px - (px - view.x) * factor;
    view.y = py - (py - view.y) * factor;
    view.k *= factor;
    apply();
  }, { passive: false });
  svg.addEventListener("click", () => {
    highlight(null);
    nodes.forEach((g) => g.classList.remove("selected"));
  });

  document.getElementById("status").textContent =
    `${data.nodes.length} nodes, ${data.edges.length} edges: click one for its sources; ` +
    "drag to pan, scroll to zoom";
  document.body.dataset.ready = "true";
})();
