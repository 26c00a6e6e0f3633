// The dashboard: filters -> /api/series, /api/network, /api/events; a row -> /api/documents/{id}.
const form = document.getElementById("filters");
const state = { offset: 0, limit: 25, codes: {} };
const $ = (id) => document.getElementById(id);
const esc = (s) => String(s ?? "").replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);

function params(extra = {}) {
  const p = new URLSearchParams();
  for (const [k, v] of new FormData(form)) if (v) p.set(k, v);
  for (const [k, v] of Object.entries(extra)) p.set(k, v);
  return p;
}
async function get(path) {
  const r = await fetch(path);
  const body = await r.json();
  if (!r.ok) throw new Error(body.error || r.statusText);
  return body;
}
function jalali(iso) {
  try { return new Intl.DateTimeFormat("fa-IR-u-ca-persian", { dateStyle: "medium" }).format(new Date(iso)); } catch { return ""; }
}
document.querySelectorAll(".jalali").forEach((span) => {
  const input = form.elements[span.dataset.for];
  input.addEventListener("change", () => (span.textContent = input.value ? jalali(input.value) : ""));
});

function drawSeries(rows) {
  const svg = $("series"), W = 600, H = 220, pad = 30;
  if (!rows.length) { svg.innerHTML = `<text x="300" y="110" text-anchor="middle">رویدادی نیست</text>`; return; }
  const max = Math.max(...rows.map((r) => r.count), 1);
  const x = (i) => pad + (i * (W - 2 * pad)) / Math.max(rows.length - 1, 1);
  const y = (v) => H - pad - (v * (H - 2 * pad)) / max;
  const yg = (g) => H / 2 - (g * (H / 2 - pad)) / 10;
  const line = rows.map((r, i) => `${x(i)},${y(r.count)}`).join(" ");
  const gline = rows.map((r, i) => `${x(i)},${yg(r.goldstein ?? 0)}`).join(" ");
  svg.innerHTML = `<polyline points="${line}" fill="none" stroke="#1f3a5f" stroke-width="2"/>
    <polyline points="${gline}" fill="none" stroke="#c0392b" stroke-dasharray="4 3"/>
    ${rows.map((r, i) => `<circle cx="${x(i)}" cy="${y(r.count)}" r="3"><title>${esc(r.period)}: ${r.count}</title></circle>`).join("")}
    <text x="${pad}" y="${H - 8}" font-size="10">${esc(rows[0].period)}</text>
    <text x="${W - pad}" y="${H - 8}" font-size="10" text-anchor="end">${esc(rows[rows.length - 1].period)}</text>
    <text x="${W - pad}" y="14" font-size="10" text-anchor="end">max ${max}</text>`;
}
function drawNetwork(edges) {
  const svg = $("network"), W = 600, H = 320;
  const nodes = [...new Set(edges.flatMap((e) => [e.source, e.target]))];
  if (!nodes.length) { svg.innerHTML = ""; return; }
  const pos = Object.fromEntries(nodes.map((n, i) => {
    const a = (2 * Math.PI * i) / nodes.length;
    return [n, [W / 2 + 130 * Math.cos(a), H / 2 + 130 * Math.sin(a)]];
  }));
  const maxc = Math.max(...edges.map((e) => e.count), 1);
  svg.innerHTML = edges.map((e) => `<line x1="${pos[e.source][0]}" y1="${pos[e.source][1]}" x2="${pos[e.target][0]}" y2="${pos[e.target][1]}"
      stroke="${(e.goldstein ?? 0) < 0 ? "#c0392b" : "#2e7d32"}" stroke-opacity=".6" stroke-width="${1 + (4 * e.count) / maxc}"><title>${esc(e.source)} → ${esc(e.target)}: ${e.count}</title></line>`).join("")
    + nodes.map((n) => `<g><circle cx="${pos[n][0]}" cy="${pos[n][1]}" r="16" fill="#fff" stroke="#1f3a5f"/><text x="${pos[n][0]}" y="${pos[n][1] + 4}" font-size="9" text-anchor="middle">${esc(n)}</text></g>`).join("");
}
function codeName(code) {
  const c = state.codes[code] || state.codes[String(code).slice(0, 2)] || {};
  return `${c.fa || ""} <span class="code">${esc(code)}</span>`;
}
async function loadEvents() {
  const body = await get("/api/events?" + params({ limit: state.limit, offset: state.offset }));
  $("events").tBodies[0].innerHTML = body.events.map((e, i) => `<tr data-i="${i}">
    <td>${esc(e.date || "—")}<br><small>${e.date ? jalali(e.date) : ""}</small></td><td class="code">${esc(e.source.code)}</td>
    <td>${codeName(e.cameo)}</td><td class="code">${esc(e.target.code)}</td><td class="code">${e.goldstein}</td><td>${esc(e.evidence)}</td></tr>`).join("");
  [...$("events").tBodies[0].rows].forEach((tr) => tr.addEventListener("click", () => openArticle(body.events[tr.dataset.i])));
  $("page").textContent = `${state.offset + 1}–${state.offset + body.events.length}`;
}
async function openArticle(ev) {
  const doc = await get("/api/documents/" + encodeURIComponent(ev.doc_id));
  const full = doc.events.find((x) => x.cameo === ev.cameo && x.source.code === ev.source.code && x.target.code === ev.target.code) || { span: [0, 0] };
  const [s, e] = full.span;
  const t = doc.text;
  const c = state.codes[ev.cameo] || {};
  $("article-body").innerHTML = `<h2>${esc(doc.title || doc.doc_id)}</h2><p>${esc(doc.date || "")} ${esc(doc.agency || "")}</p>
    <p><b>${esc(ev.source.code)}</b> ${codeName(ev.cameo)} — ${esc(c.en || "")} <b>${esc(ev.target.code)}</b>;
    قاعده: <span class="code">${esc(ev.rule)}</span>؛ اطمینان: ${ev.confidence}</p>
    <p>${esc(t.slice(0, s))}<mark>${esc(t.slice(s, e))}</mark>${esc(t.slice(e))}</p>`;
  $("article").showModal();
}
async function refresh() {
  $("error").textContent = "";
  try {
    const p = params();
    const [series, net] = await Promise.all([get("/api/series?" + p), get("/api/network?" + p)]);
    drawSeries(series.series || []);
    drawNetwork(net.edges || []);
    await loadEvents();
  } catch (err) { $("error").textContent = err.message; }
}
form.addEventListener("submit", (ev) => { ev.preventDefault(); state.offset = 0; refresh(); });
$("next").addEventListener("click", () => { state.offset += state.limit; loadEvents().catch((e) => ($("error").textContent = e.message)); });
$("prev").addEventListener("click", () => { state.offset = Math.max(0, state.offset - state.limit); loadEvents().catch((e) => ($("error").textContent = e.message)); });
get("/api/codes").then((b) => {
  state.codes = b.codes;
  const sel = form.elements.root;
  for (const [k, v] of Object.entries(b.codes)) if (k.length === 2) sel.insertAdjacentHTML("beforeend", `<option value="${k}">${k} ${esc(v.fa || v.en)}</option>`);
}).finally(refresh);
