// Built with the package trait "Server" only: `newsearch serve` and what it alone uses (Hummingbird, SwiftNIO).
#if Server
/// The search page `newsearch serve` answers at `/`: one self-contained HTML file (no build step, no CDN), which
/// talks to `/api/search` and `/api/stats`, and links each hit to its article's page (``ArticlePage``). Article text always goes into the page as text nodes
/// (`textContent`), never as HTML.
enum SearchPage {
    static let html = #"""
<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>newsearch</title>
<style>
  :root { font-family: system-ui, "Noto Sans CJK SC", "PingFang SC", sans-serif; color: #222; }
  body { margin: 0 auto; max-width: 60rem; padding: 1rem; }
  form { display: flex; gap: .5rem; flex-wrap: wrap; }
  #q { flex: 1 1 16rem; font-size: 1.1rem; padding: .5rem; }
  button, select { font-size: 1rem; padding: .4rem .6rem; }
  #status { color: #666; margin: .6rem 0; min-height: 1.2em; }
  #layout { display: flex; gap: 1.5rem; align-items: flex-start; }
  #facets { flex: 0 0 12rem; font-size: .9rem; }
  #facets:empty { display: none; }
  #facets h3 { margin: .6rem 0 .2rem; font-size: .95rem; }
  #facets button { display: block; width: 100%; text-align: left; border: 0; background: none; padding: .15rem 0;
                   color: #0645ad; cursor: pointer; font-size: .9rem; }
  #facets button.on { font-weight: bold; }
  #results { flex: 1; min-width: 0; }
  .hit { margin: 0 0 1.1rem; }
  .hit a { font-size: 1.1rem; color: #0645ad; text-decoration: none; cursor: pointer; }
  .meta { color: #080; font-size: .85rem; overflow-wrap: anywhere; }
  .snippet { margin: .2rem 0; line-height: 1.5; }
  mark { background: #fff3a0; color: inherit; }
  #pages { display: flex; gap: .5rem; flex-wrap: wrap; align-items: center; }
  #pages button.current { font-weight: bold; background: #e8ecf8; }
  .examples button { margin: 0 .4rem .4rem 0; border: 1px solid #ccd; background: #f6f7fb; border-radius: 1rem;
                     padding: .2rem .8rem; cursor: pointer; }
  #facet-toggle { display: none; }
  /* On a phone the facets fold away behind one button, so that the first hit shows without scrolling. */
  @media (max-width: 40rem) {
    #layout { flex-direction: column; gap: .5rem; }
    #facets { flex: none; width: 100%; display: none; }
    #facets.open:not(:empty) { display: block; }
    #facet-toggle { display: inline-block; }
    #facet-toggle[hidden] { display: none; }
  }
</style>
</head>
<body>
<form id="form" role="search">
  <input id="q" name="q" type="search" placeholder="搜索新闻，例如 快递员 社会保险" autocomplete="off" autofocus>
  <select id="sort" aria-label="排序"><option value="relevance">相关度</option><option value="date">最新</option></select>
  <button type="submit">搜索</button>
</form>
<div id="status" aria-live="polite"></div>
<button id="facet-toggle" type="button" aria-expanded="false" aria-controls="facets" hidden>筛选</button>
<div id="layout">
  <aside id="facets"></aside>
  <main id="results"></main>
</div>
<div id="pages"></div>
<script>
"use strict";
const pageSize = 10;
const state = { q: "", sort: "relevance", offset: 0, category: null, year: null };
const $ = (id) => document.getElementById(id);
let composing = false, timer = null, generation = 0;

function element(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

// Text with highlights: [start, end) offsets in code points, each match inside <mark>, all as text nodes.
function highlighted(tag, text, ranges, className) {
  const node = element(tag, undefined, className), points = Array.from(text);
  let at = 0;
  for (const [start, end] of ranges) {
    node.append(points.slice(at, start).join(""));
    node.append(element("mark", points.slice(start, end).join("")));
    at = end;
  }
  node.append(points.slice(at).join(""));
  return node;
}

function searchParameters() {
  const params = { q: state.q, limit: pageSize, offset: state.offset, sort: state.sort, facets: "category,year" };
  if (state.category) params.category = state.category;
  if (state.year) { params.since = state.year; params.until = state.year; }
  return new URLSearchParams(params);
}

function syncURL() {
  const params = new URLSearchParams();
  if (state.q) params.set("q", state.q);
  if (state.sort !== "relevance") params.set("sort", state.sort);
  if (state.offset) params.set("offset", state.offset);
  if (state.category) params.set("category", state.category);
  if (state.year) params.set("year", state.year);
  history.replaceState(null, "", params.toString() ? "?" + params : location.pathname);
}

async function search() {
  syncURL();
  const mine = ++generation;
  if (!state.q.trim() && !state.category && !state.year) {
    startPage(mine);
    return;
  }
  const params = searchParameters();
  let answer;
  try {
    const response = await fetch("/api/search?" + params);
    answer = await response.json();
    if (!response.ok) throw new Error(answer.error || response.statusText);
  } catch (error) {
    if (mine === generation) $("status").textContent = "出错了：" + error.message;
    return;
  }
  if (mine !== generation) return;
  render(answer);
}

function render(answer) {
  $("status").textContent = answer.total + (answer.total_exact === false ? "+" : "") + " 篇文章 · " + answer.took_ms.toFixed(1) + " ms"
    + (answer.warnings.length ? " · " + answer.warnings.join("；") : "");
  $("results").replaceChildren(...answer.hits.map(hitNode));
  renderFacets(answer.facets || {});
  renderPages(answer.total);
}

// Numbered pages: the first, the last, and two on each side of the current one, with 上一页 / 下一页.
function renderPages(total) {
  const pages = $("pages");
  pages.replaceChildren();
  const count = Math.ceil(total / pageSize), current = Math.floor(state.offset / pageSize);
  if (count <= 1) return;
  if (current > 0) pages.append(pageButton("上一页", state.offset - pageSize));
  let last = -1;
  for (let page = 0; page < count; page++) {
    if (page !== 0 && page !== count - 1 && Math.abs(page - current) > 2) continue;
    if (last >= 0 && page > last + 1) pages.append(element("span", "…", "gap"));
    const button = pageButton(String(page + 1), page * pageSize);
    if (page === current) { button.className = "current"; button.setAttribute("aria-current", "page"); }
    pages.append(button);
    last = page;
  }
  if (current < count - 1) pages.append(pageButton("下一页", state.offset + pageSize));
}

// The start page: what the index holds (from /api/stats) and a few queries to try.
const examples = ["快递员 社会保险", "欠薪", "上海", "GDP", "一带一路"];
async function startPage(mine) {
  $("results").replaceChildren(); $("facets").replaceChildren(); $("pages").replaceChildren();
  const box = element("div", "试试：", "examples");
  for (const example of examples) {
    const button = element("button", example);
    button.type = "button";
    button.addEventListener("click", () => { $("q").value = example; state.q = example; state.offset = 0; search(); });
    box.append(button);
  }
  $("results").append(box);
  try {
    const stats = await (await fetch("/api/stats")).json();
    if (mine !== generation) return;
    const day = (text) => text ? text.slice(0, 10) : null;
    const parts = ["共 " + stats.articles + " 篇文章"];
    if (stats.first_date && stats.last_date) parts.push(day(stats.first_date) + " 至 " + day(stats.last_date));
    if (stats.last_updated) parts.push("更新于 " + day(stats.last_updated));
    $("status").textContent = parts.join(" · ");
  } catch (error) {
    if (mine === generation) $("status").textContent = "";
  }
}

$("facet-toggle").addEventListener("click", () => {
  const open = $("facets").classList.toggle("open");
  $("facet-toggle").setAttribute("aria-expanded", String(open));
});

// "/" puts the cursor in the search box, as on many search pages (not while typing in it).
document.addEventListener("keydown", (event) => {
  if (event.key === "/" && document.activeElement !== $("q") && !event.ctrlKey && !event.metaKey && !event.altKey) {
    event.preventDefault();
    $("q").focus();
  }
});

function hitNode(hit) {
  const node = element("article", undefined, "hit");
  const link = highlighted("a", hit.title, hit.highlights.title);
  // Each article has a URL of its own: a bookmark keeps it, Back comes back to these results.
  link.href = "/articles/" + hit.id + (state.q.trim() ? "?q=" + encodeURIComponent(state.q) : "");
  link.className = "title";
  node.append(link);
  node.append(element("div", [hit.date ? hit.date.slice(0, 10) : "无日期", hit.author, hit.path]
                             .filter(Boolean).join(" · "), "meta"));
  node.append(highlighted("p", hit.snippet, hit.highlights.snippet, "snippet"));
  return node;
}

function renderFacets(facets) {
  const box = $("facets");
  box.replaceChildren();
  $("facet-toggle").hidden = !Object.values(facets).some((counts) => counts.length);
  for (const [name, label] of [["category", "分类"], ["year", "年份"]]) {
    const counts = facets[name] || [];
    if (!counts.length) continue;
    box.append(element("h3", label));
    for (const { value, count } of name === "year" ? counts : counts.slice(0, 12)) {
      const button = element("button", value + " (" + count + ")", "facet" + (state[name] === value ? " on" : ""));
      button.type = "button";
      button.dataset.facet = name; button.dataset.value = value;
      button.addEventListener("click", () => {
        state[name] = state[name] === value ? null : value;
        state.offset = 0;
        search();
      });
      box.append(button);
    }
  }
}

function pageButton(label, offset) {
  const button = element("button", label);
  button.type = "button";
  button.addEventListener("click", () => { state.offset = offset; search(); window.scrollTo(0, 0); });
  return button;
}

function schedule() {
  clearTimeout(timer);
  timer = setTimeout(() => { state.q = $("q").value; state.offset = 0; search(); }, 200);
}

// Chinese input methods compose a word over several key presses: search when the composition ends, not before.
$("q").addEventListener("compositionstart", () => { composing = true; });
$("q").addEventListener("compositionend", () => { composing = false; schedule(); });
$("q").addEventListener("input", (event) => { if (!composing && !event.isComposing) schedule(); });
$("sort").addEventListener("change", () => { state.sort = $("sort").value; state.offset = 0; search(); });
$("form").addEventListener("submit", (event) => {
  event.preventDefault(); clearTimeout(timer); state.q = $("q").value; state.offset = 0; search();
});

const initial = new URLSearchParams(location.search);
state.q = initial.get("q") || "";
state.sort = initial.get("sort") === "date" ? "date" : "relevance";
state.offset = Math.max(0, parseInt(initial.get("offset") || "0", 10) || 0);
state.category = initial.get("category");
state.year = initial.get("year");
$("q").value = state.q; $("sort").value = state.sort;
search();
</script>
</body>
</html>
"""#
}
#endif
