
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
  function list(into, title, items) {
    if (!items || !items.length) return;
    into.appendChild(el("h3", title));
    const ul = el("ul");
    for (const item of items) ul.appendChild(el("li", item));
    into.appendChild(ul);
  }
  function quotes(into, title, items) {
    if (!items || !items.length) return;
    into.appendChild(el("h3", title));
    for (const item of items) into.appendChild(el("blockquote", item));
  }
  function neighbours(index) {
    const near = new Set([index]);
    for (const e of data.edges) {
      if (e.source === index) near.add(e.target);
      if (e.target === index) near.add(e.source);
    }
    return near;
  }
  const members = (g) => g.dataset.members.split(" ").map(Number);
  function highlight(near) {
    nodes.forEach((n, i) => n.classList.toggle("dim", near !== null && !near.has(i)));
    for (const g of [...edges, ...edgeLabels]) {
      const e = data.edges[Number(g.dataset.index)];
      g.classList.toggle("dim", near !== null && !(near.has(e.source) && near.has(e.target)));
    }
  }
  function showNode(index) {
    const n = data.nodes[index];
    details.replaceChildren();
    details.appendChild(el("h2", n.label));
    details.appendChild(el("p", n.type || ""));
    list(details, "Also written as", n.aliases);
    list(details, "Articles", n.article_ids.length ? n.article_ids : n.articles);
    const facts = data.edges.filter((e) => e.source === index || e.target === index)
      .map((e) => `${data.nodes[e.source].label} — ${e.label} → ${data.nodes[e.target].label}`);
    list(details, "Relations", facts);
    details.appendChild(el("p", n.id)).className = "iri";
    nodes.forEach((g, i) => g.classList.toggle("selected", i === index));
    highlight(neighbours(index));
  }
  function showFact(e, into) {
    if (e.status) into.appendChild(el("p", `status: ${e.status}`));
    if (e.since || e.until) into.appendChild(el("p", `from ${e.since || "?"} until ${e.until || "?"}`));
    list(into, "Titles as written", e.titles);
    list(into, "Articles", e.article_ids && e.article_ids.length ? e.article_ids : e.articles);
    list(into, "Dates", e.dates);
    quotes(into, "Evidence", e.evidence);
    list(into, "Rules", e.rules);
  }
  function showEdges(indices) {
    const first = data.edges[indices[0]];
    const labels = [...new Set(indices.map((i) => data.edges[i].label))].join(" / ");
    details.replaceChildren();
    const ends = [data.nodes[first.source].label, data.nodes[first.target].label];
    details.appendChild(el("h2", `${ends[0]} — ${labels} → ${ends[1]}`));
    details.appendChild(el("p", first.relation));
    for (const i of indices) {
      const fact = indices.length > 1 ? details.appendChild(el("section")) : details;
      if (indices.length > 1) {
        fact.className = "fact";
        fact.appendChild(el("h3", data.edges[i].label));
      }
      showFact(data.edges[i], fact);
    }
    highlight(new Set([first.source, first.target]));
  }
  nodes.forEach((g, i) => {
    g.addEventListener("click", (ev) => { ev.stopPropagation(); showNode(i); });
    g.addEventListener("keydown", (ev) => { if (ev.key === "Enter") showNode(i); });
    g.addEventListener("mouseenter", () => highlight(neighbours(i)));
    g.addEventListener("mouseleave", () => highlight(null));
  });
  for (const g of [...edges, ...edgeLabels]) {
    g.addEventListener("click", (ev) => { ev.stopPropagation(); showEdges(members(g)); });
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
