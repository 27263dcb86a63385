"use strict";
// The lintnews HTML report. Every piece of text from the run goes in with textContent (or an
// SVG text node): the run holds scraped articles, and scraped text is hostile.
(function () {
  var DATA = JSON.parse(document.getElementById("lintnews-data").textContent);
  var S = DATA.strings;
  var ROWS = DATA.diagnostics;
  var RULES = DATA.rules;
  var SEVERITIES = ["error", "warning", "info"];
  // The columns of a packed diagnostic (lintnews.reporters.html.pack).
  var PATH = 0, RECORD = 1, LINE = 2, COLUMN = 3, END_LINE = 4, END_COLUMN = 5, CODE = 6, SEV = 7, MSG = 8,
    SCORE = 9, SNIPPET = 10, FIX = 11, RELATED = 12, SIMILARITY = 13, KEPT = 14, TEXT_COORDS = 15;
  var PAGE_SIZE = 50, CLUSTER_PAGE_SIZE = 10, SNIPPET_LIMIT = 200;
  var SVG_NS = "http://www.w3.org/2000/svg";

  var state = { rule: "", severity: "", text: "", fixable: false, below: false, page: 0, clusterPage: 0,
    threshold: DATA.threshold };
  var matches = null; // indexes of the rows that pass the filters
  var haystack = null; // lower-case searchable text of each row, built on the first search

  // --- helpers -------------------------------------------------------------------------------
  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }
  function svg(tag, attrs, text) {
    var node = document.createElementNS(SVG_NS, tag);
    for (var key in attrs) if (Object.prototype.hasOwnProperty.call(attrs, key)) node.setAttribute(key, String(attrs[key]));
    if (text !== undefined) node.textContent = String(text);
    return node;
  }
  function fmt(n) { return Number(n).toLocaleString("en-US"); }
  function plural(n, word) { return fmt(n) + " " + word + (n === 1 ? "" : "s"); }
  function where(path, record) { return record === null || record === undefined ? path : path + "#" + record; }
  function locText(loc) { return where(S[loc[0]], loc[1]) + ":" + loc[2] + ":" + loc[3]; }
  function rowLoc(r) { return where(S[r[PATH]], r[RECORD]) + ":" + r[LINE] + ":" + r[COLUMN]; }
  function codePoints(s) { return Array.from(s); }
  function hasFix(r) { return r[FIX] !== null && r[FIX] !== undefined; }
  function below(r) { return r[SCORE] !== null && r[SCORE] !== undefined && r[SCORE] < state.threshold; }

  // --- counts --------------------------------------------------------------------------------
  var bySeverity = [0, 0, 0], perRule = {}, safeFixes = 0, unsafeFixes = 0;
  var docsWithFindings = {};
  for (var i = 0; i < ROWS.length; i++) {
    var r = ROWS[i];
    bySeverity[r[SEV]]++;
    var code = S[r[CODE]];
    var entry = perRule[code] || (perRule[code] = { code: code, count: 0, sev: [0, 0, 0] });
    entry.count++;
    entry.sev[r[SEV]]++;
    if (hasFix(r)) { if (r[FIX][1]) safeFixes++; else unsafeFixes++; }
    docsWithFindings[r[PATH] + "\u0000" + r[RECORD]] = 1;
  }
  var ruleList = Object.keys(perRule).map(function (c) { return perRule[c]; });
  ruleList.sort(function (a, b) { return b.count - a.count || (a.code < b.code ? -1 : 1); });
  ruleList.forEach(function (e) {
    var best = 0;
    for (var s = 1; s < 3; s++) if (e.sev[s] > e.sev[best]) best = s;
    e.severity = SEVERITIES[best];
  });
  var docs = DATA.documents;
  var scores = docs.scores;

  // --- clusters of near-duplicates (N001, N002) ---------------------------------------------------
  var clusters = [];
  (function () {
    var byKept = {};
    for (var i = 0; i < ROWS.length; i++) {
      var r = ROWS[i], code = S[r[CODE]];
      if (code !== "N001" && code !== "N002") continue;
      var kept = r[KEPT] || (r[RELATED].length ? r[RELATED][0] : null);
      if (!kept) continue;
      var key = kept[0] + "\u0000" + kept[1] + "\u0000" + kept[2];
      var c = byKept[key];
      if (!c) { c = byKept[key] = { kept: kept, copies: [] }; clusters.push(c); }
      c.copies.push(i);
    }
    clusters.sort(function (a, b) { return b.copies.length - a.copies.length; });
  })();
  var copies = clusters.reduce(function (n, c) { return n + c.copies.length; }, 0);

  // --- summary ---------------------------------------------------------------------------------
  function subtitle() {
    var total = ROWS.length;
    var docText = docs.complete ? plural(docs.count, "document") : "documents";
    var text = total === 0 ? "All checks passed (" + (docs.complete ? docText : "no findings") + ")."
      : plural(total, "diagnostic") + " in " + fmt(docs.with_findings) + " of " + docText + ".";
    if (!docs.complete) text += " The run file lacks per-document scores: write it with --statistics to see every document.";
    document.getElementById("subtitle").textContent = text;
  }

  function card(cls, label, value, detail, onClick) {
    var node = el(onClick ? "button" : "div", "card " + cls);
    if (onClick) { node.type = "button"; node.addEventListener("click", onClick); }
    node.appendChild(el("div", "label", label));
    node.appendChild(el("div", "value", value));
    if (detail) node.appendChild(typeof detail === "string" ? el("div", "detail", detail) : detail);
    return node;
  }

  var belowValue = null;
  function belowCount() {
    var n = 0;
    for (var i = 0; i < scores.length; i++) if (scores[i] < state.threshold) n++;
    return n;
  }
  function cards() {
    var box = document.getElementById("cards");
    box.replaceChildren();
    box.appendChild(card("", "Documents", docs.complete ? fmt(docs.count) : "\u2265 " + fmt(docs.with_findings),
      fmt(docs.with_findings) + " with findings"));
    box.appendChild(card("", "Diagnostics", fmt(ROWS.length), "click to show all", function () { setFilter({ severity: "", rule: "" }); }));
    SEVERITIES.forEach(function (sev, k) {
      box.appendChild(card(sev, sev === "info" ? "Info" : sev.charAt(0).toUpperCase() + sev.slice(1) + "s",
        fmt(bySeverity[k]), "click to filter", function () { setFilter({ severity: sev }); }));
    });
    box.appendChild(card("ok", "Fixable", fmt(safeFixes + unsafeFixes),
      fmt(safeFixes) + " safe, " + fmt(unsafeFixes) + " unsafe", function () { setFilter({ fixable: true }); }));
    var detail = el("div", "detail");
    detail.appendChild(document.createTextNode("score below "));
    var input = el("input");
    input.type = "number"; input.min = "0"; input.max = "101"; input.value = String(state.threshold);
    input.id = "threshold"; input.setAttribute("aria-label", "score threshold");
    input.addEventListener("input", function () {
      var t = parseInt(input.value, 10);
      if (isNaN(t)) return;
      state.threshold = Math.max(0, Math.min(101, t));
      belowValue.textContent = fmt(belowCount());
      document.getElementById("f-below-n").textContent = String(state.threshold);
      scoreChart();
      if (state.below) { state.page = 0; refresh(); }
    });
    detail.appendChild(input);
    var belowCard = card("error", "Below score", fmt(belowCount()), detail);
    belowValue = belowCard.querySelector(".value");
    box.appendChild(belowCard);
    box.appendChild(card("", "Duplicates", fmt(copies), plural(clusters.length, "cluster"), clusters.length ? function () {
      document.getElementById("clusters-panel").scrollIntoView();
    } : null));
  }

  // --- charts ----------------------------------------------------------------------------------
  function ruleChart() {
    var box = document.getElementById("rule-chart");
    box.replaceChildren();
    if (!ruleList.length) { box.appendChild(el("p", "empty", "No findings.")); return; }
    var rowH = 24, labelW = 250, width = 640, barMax = width - labelW - 70;
    var height = ruleList.length * rowH + 8;
    var root = svg("svg", { viewBox: "0 0 " + width + " " + height, role: "img", "aria-label": "Findings per rule" });
    var max = ruleList[0].count;
    ruleList.forEach(function (e, k) {
      var y = 4 + k * rowH;
      var name = RULES[e.code] ? RULES[e.code].name : "";
      var label = svg("text", { x: labelW - 8, y: y + 16, "text-anchor": "end" });
      label.appendChild(svg("tspan", { "font-weight": "600" }, e.code));
      label.appendChild(svg("tspan", { class: "muted" }, " " + (name.length > 30 ? name.slice(0, 29) + "\u2026" : name)));
      root.appendChild(label);
      var w = Math.max(2, Math.round(barMax * e.count / max));
      var bar = svg("rect", { x: labelW, y: y + 3, width: w, height: rowH - 7, rx: 2,
        class: "bar sev-" + e.severity + (state.rule === e.code ? " active" : ""), "data-code": e.code });
      bar.appendChild(svg("title", {}, e.code + " " + name + ": " + plural(e.count, "diagnostic")));
      bar.addEventListener("click", function () { setFilter({ rule: state.rule === e.code ? "" : e.code }); });
      root.appendChild(bar);
      root.appendChild(svg("text", { x: labelW + w + 6, y: y + 16, class: "muted" }, fmt(e.count)));
    });
    root.appendChild(svg("line", { x1: labelW, x2: labelW, y1: 0, y2: height, class: "axis" }));
    box.appendChild(root);
  }

  function scoreChart() {
    var box = document.getElementById("score-chart");
    box.replaceChildren();
    document.getElementById("scores-hint").textContent = docs.complete
      ? "Documents by score (0\u2013100); bars left of the dashed line are below " + state.threshold + "."
      : "Only documents with findings: the run file has no per-document scores (write it with --statistics).";
    if (!scores.length) { box.appendChild(el("p", "empty", "No document scores in this run.")); return; }
    var bins = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    for (var i = 0; i < scores.length; i++) bins[Math.max(0, Math.min(10, Math.floor(scores[i] / 10)))]++;
    var width = 420, height = 230, left = 8, bottom = 40, top = 20, slot = (width - 2 * left) / 11;
    var max = Math.max.apply(null, bins) || 1;
    var root = svg("svg", { viewBox: "0 0 " + width + " " + height, role: "img", "aria-label": "Histogram of document scores" });
    bins.forEach(function (n, k) {
      var h = n ? Math.max(2, Math.round((height - bottom - top) * n / max)) : 0;
      var x = left + k * slot;
      var lo = k * 10, hi = k === 10 ? 100 : k * 10 + 9;
      var rect = svg("rect", { x: x + 3, y: height - bottom - h, width: slot - 6, height: h, rx: 2,
        class: "hist" + (hi < state.threshold ? " below" : "") });
      rect.appendChild(svg("title", {}, (k === 10 ? "100" : lo + "\u2013" + hi) + ": " + plural(n, "document")));
      root.appendChild(rect);
      root.appendChild(svg("text", { x: x + slot / 2, y: height - bottom - h - 5, "text-anchor": "middle", class: "muted",
        "font-size": "10" }, n ? fmt(n) : ""));
      root.appendChild(svg("text", { x: x + slot / 2, y: height - bottom + 15, "text-anchor": "middle", "font-size": "10" },
        k === 10 ? "100" : lo + "\u2013" + hi));
    });
    root.appendChild(svg("line", { x1: left, x2: width - left, y1: height - bottom, y2: height - bottom, class: "axis" }));
    var t = Math.max(0, Math.min(101, state.threshold));
    var tx = left + Math.min(11, t / 10) * slot;
    root.appendChild(svg("line", { x1: tx, x2: tx, y1: top - 10, y2: height - bottom, class: "threshold" }));
    root.appendChild(svg("text", { x: width / 2, y: height - 6, "text-anchor": "middle", class: "muted" }, "document score"));
    box.appendChild(root);
  }

  // --- near-duplicate clusters -----------------------------------------------------------------
  function renderClusters() {
    var box = document.getElementById("clusters"), pager = document.getElementById("clusters-pager");
    box.replaceChildren();
    document.getElementById("clusters-hint").textContent = clusters.length
      ? plural(clusters.length, "cluster") + ", " + fmt(copies) + (copies === 1 ? " copy" : " copies") +
        " (N001 near-duplicates, N002 exact duplicates): each cluster's kept copy and the copies reported against it."
      : "";
    if (!clusters.length) {
      box.appendChild(el("p", "empty", "No near-duplicate clusters (N001, N002) in this run."));
      pager.replaceChildren();
      return;
    }
    var pages = Math.ceil(clusters.length / CLUSTER_PAGE_SIZE);
    state.clusterPage = Math.max(0, Math.min(pages - 1, state.clusterPage));
    clusters.slice(state.clusterPage * CLUSTER_PAGE_SIZE, (state.clusterPage + 1) * CLUSTER_PAGE_SIZE).forEach(function (c) {
      var node = el("div", "cluster");
      var head = el("div");
      head.appendChild(el("span", "kept", "Kept: "));
      head.appendChild(el("span", "loc", where(S[c.kept[0]], c.kept[1])));
      head.appendChild(el("span", "rname", " \u2014 " + plural(c.copies.length + 1, "document") + " in the cluster"));
      node.appendChild(head);
      var table = el("table");
      var tr = el("tr");
      ["code", "copy", "similarity", "title", "message"].forEach(function (h, k) {
        tr.appendChild(el("th", k === 0 ? "c-code" : k === 2 ? "sim" : "", h));
      });
      table.appendChild(el("thead")).appendChild(tr);
      var tbody = table.appendChild(el("tbody"));
      c.copies.forEach(function (i) {
        var r = ROWS[i], row = el("tr");
        row.appendChild(el("td", "c-code code", S[r[CODE]]));
        row.appendChild(el("td", "loc", where(S[r[PATH]], r[RECORD])));
        var sim = el("td", "sim");
        if (r[SIMILARITY] !== null && r[SIMILARITY] !== undefined) {
          sim.appendChild(document.createTextNode(r[SIMILARITY].toFixed(2)));
          var bar = el("span", "simbar");
          bar.style.width = Math.round(40 * r[SIMILARITY]) + "px";
          sim.appendChild(bar);
        }
        row.appendChild(sim);
        row.appendChild(el("td", "", r[SNIPPET]));
        row.appendChild(el("td", "", S[r[MSG]]));
        tbody.appendChild(row);
      });
      node.appendChild(table);
      box.appendChild(node);
    });
    pagerInto(pager, state.clusterPage, pages, function (p) { state.clusterPage = p; renderClusters(); });
  }

  // --- filters ---------------------------------------------------------------------------------
  function searchable(r) {
    var rule = RULES[S[r[CODE]]];
    return (where(S[r[PATH]], r[RECORD]) + "\n" + S[r[CODE]] + " " + (rule ? rule.name : "") + "\n" + S[r[MSG]] + "\n" +
      r[SNIPPET] + (hasFix(r) ? "\n" + S[r[FIX][0]] : "")).toLowerCase();
  }
  function filter() {
    var out = [], rule = state.rule, sev = state.severity === "" ? -1 : SEVERITIES.indexOf(state.severity);
    var needle = state.text.trim().toLowerCase();
    if (needle && haystack === null) haystack = ROWS.map(searchable);
    var ruleIndex = rule === "" ? -1 : S.indexOf(rule);
    if (rule !== "" && ruleIndex < 0) return out;
    for (var i = 0; i < ROWS.length; i++) {
      var r = ROWS[i];
      if (ruleIndex >= 0 && r[CODE] !== ruleIndex) continue;
      if (sev >= 0 && r[SEV] !== sev) continue;
      if (state.fixable && !hasFix(r)) continue;
      if (state.below && !below(r)) continue;
      if (needle && haystack[i].indexOf(needle) < 0) continue;
      out.push(i);
    }
    return out;
  }

  function setFilter(change) {
    for (var key in change) if (Object.prototype.hasOwnProperty.call(change, key)) state[key] = change[key];
    state.page = 0;
    syncControls();
    refresh();
    ruleChart();
  }
  function syncControls() {
    document.getElementById("f-rule").value = state.rule;
    document.getElementById("f-severity").value = state.severity;
    if (document.getElementById("f-text").value !== state.text) document.getElementById("f-text").value = state.text;
    document.getElementById("f-fixable").checked = state.fixable;
    document.getElementById("f-below").checked = state.below;
  }

  function setupFilters() {
    var select = document.getElementById("f-rule");
    Object.keys(perRule).sort().forEach(function (code) {
      var rule = RULES[code];
      var option = el("option", "", code + " " + (rule ? rule.name : "") + " (" + fmt(perRule[code].count) + ")");
      option.value = code;
      select.appendChild(option);
    });
    document.getElementById("f-below-n").textContent = String(state.threshold);
    select.addEventListener("change", function () { setFilter({ rule: select.value }); });
    var sev = document.getElementById("f-severity");
    sev.addEventListener("change", function () { setFilter({ severity: sev.value }); });
    var text = document.getElementById("f-text"), timer = null;
    text.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () { setFilter({ text: text.value }); }, 150);
    });
    var fixable = document.getElementById("f-fixable");
    fixable.addEventListener("change", function () { setFilter({ fixable: fixable.checked }); });
    var belowBox = document.getElementById("f-below");
    belowBox.addEventListener("change", function () { setFilter({ below: belowBox.checked }); });
    document.getElementById("f-clear").addEventListener("click", function () {
      setFilter({ rule: "", severity: "", text: "", fixable: false, below: false });
    });
    document.getElementById("filters").addEventListener("submit", function (event) { event.preventDefault(); });
  }

  // --- the rows --------------------------------------------------------------------------------
  function lineNode(number, parts, cls) {
    var ln = el("div", "ln" + (cls ? " " + cls : ""));
    ln.appendChild(el("span", "no", number));
    var tx = el("span", "tx");
    parts.forEach(function (p) {
      if (typeof p === "string") tx.appendChild(document.createTextNode(p));
      else tx.appendChild(el(p.tag, p.cls || "", p.text));
    });
    ln.appendChild(tx);
    return ln;
  }

  // The snippet's lines, with whether the last one was cut at the snippet limit.
  function snippetLines(r) {
    var text = r[SNIPPET];
    return { lines: text.split("\n"), cut: codePoints(text).length >= SNIPPET_LIMIT };
  }

  function snippetBlock(r) {
    var block = el("div", "block snippet");
    var sn = snippetLines(r), lines = sn.lines, textCoords = r[TEXT_COORDS] === 1;
    var whole = r[COLUMN] === 1 && r[END_LINE] === r[LINE] + lines.length - 1 &&
      r[END_COLUMN] === codePoints(lines[lines.length - 1]).length + 1;
    lines.forEach(function (line, k) {
      var number = textCoords ? r[LINE] + k : k === 0 ? r[LINE] : "";
      var parts = [line];
      var lineNo = r[LINE] + k;
      if (textCoords && !whole && lineNo <= r[END_LINE]) {
        var cps = codePoints(line);
        var start = lineNo === r[LINE] ? r[COLUMN] - 1 : 0;
        var end = lineNo === r[END_LINE] ? r[END_COLUMN] - 1 : cps.length;
        if (start < cps.length && end > start) {
          parts = [cps.slice(0, start).join(""), { tag: "mark", text: cps.slice(start, end).join("") }, cps.slice(end).join("")];
        }
      }
      if (sn.cut && k === lines.length - 1) parts.push({ tag: "span", cls: "more", text: " \u2026" });
      block.appendChild(lineNode(number, parts));
    });
    return block;
  }

  // The text of source line `n` when the snippet holds all of it.
  function knownLine(r, n) {
    if (r[TEXT_COORDS] !== 1) return null;
    var sn = snippetLines(r), k = n - r[LINE];
    if (k < 0 || k >= sn.lines.length || (sn.cut && k === sn.lines.length - 1)) return null;
    return sn.lines[k];
  }
  function splitLines(text) {
    var lines = text.split("\n");
    if (lines.length > 1 && lines[lines.length - 1] === "") lines.pop();
    return lines;
  }

  // One edit [line, column, end_line, end_column, content, original] as diff lines.
  function editLines(r, e, out) {
    var line = e[0], col = e[1], endLine = e[2], endCol = e[3], content = e[4] || "", original = e[5];
    if (original === null || original === undefined) {
      out.push(lineNode("", ["@@ line " + line + ", column " + col + " to line " + endLine + ", column " + endCol + " @@"], "hunk"));
      splitLines(content).forEach(function (t, k) { if (content) out.push(lineNode(line + k, ["+", { tag: "ins", text: t }], "ins")); });
      return;
    }
    if (col === 1 && endCol === 1 && endLine > line && /\n$/.test(original) && (content === "" || /\n$/.test(content))) {
      splitLines(original).forEach(function (t, k) { out.push(lineNode(line + k, ["-" + t], "del")); });
      if (content) splitLines(content).forEach(function (t, k) { out.push(lineNode(line + k, ["+" + t], "ins")); });
      return;
    }
    var known = line === endLine ? knownLine(r, line) : null;
    if (known !== null) {
      var cps = codePoints(known);
      if (endCol - 1 <= cps.length) {
        var before = cps.slice(0, col - 1).join(""), after = cps.slice(endCol - 1).join("");
        out.push(lineNode(line, ["-" + before, { tag: "del", text: original }, after], "del"));
        out.push(lineNode(line, ["+" + before, { tag: "ins", text: content }, after], "ins"));
        return;
      }
    }
    // Part of a line the snippet does not hold: the replaced text and its replacement.
    var lead = col > 1 ? "\u2026" : "", tail = "\u2026";
    var old = original.split("\n"), neu = content.split("\n");
    old.forEach(function (t, k) {
      out.push(lineNode(line + k, ["-" + (k === 0 ? lead : ""), { tag: "del", text: t }, k === old.length - 1 ? tail : ""], "del"));
    });
    neu.forEach(function (t, k) {
      out.push(lineNode(line + k, ["+" + (k === 0 ? lead : ""), { tag: "ins", text: t }, k === neu.length - 1 ? tail : ""], "ins"));
    });
  }

  function fixBlock(r) {
    var fix = r[FIX], box = el("div", "fix");
    var p = el("p", "fixline");
    p.appendChild(el("span", "kind " + (fix[1] ? "safe" : "unsafe"), fix[1] ? "Fix (safe): " : "Fix (unsafe, --unsafe-fixes): "));
    p.appendChild(document.createTextNode(S[fix[0]]));
    box.appendChild(p);
    var edits = fix[2];
    if (edits && edits.length) {
      var lines = [];
      edits.forEach(function (e) {
        if (edits.length > 1) lines.push(lineNode("", ["@@ line " + e[0] + " @@"], "hunk"));
        editLines(r, e, lines);
      });
      var diff = el("div", "block diff");
      lines.forEach(function (n) { diff.appendChild(n); });
      box.appendChild(diff);
    }
    return box;
  }

  function rowNode(i) {
    var r = ROWS[i], code = S[r[CODE]], sev = SEVERITIES[r[SEV]], rule = RULES[code];
    var node = el("li", "diag sev-" + sev);
    node.setAttribute("data-code", code);
    node.setAttribute("data-severity", sev);
    var head = el("div", "head");
    head.appendChild(el("span", "badge sev-" + sev, sev));
    head.appendChild(el("span", "code", code));
    if (rule) head.appendChild(el("span", "rname", rule.name));
    head.appendChild(el("span", "loc", rowLoc(r)));
    if (r[SCORE] !== null && r[SCORE] !== undefined) head.appendChild(el("span", "score", "document score " + r[SCORE]));
    node.appendChild(head);
    node.appendChild(el("p", "msg", S[r[MSG]]));
    if (r[SNIPPET]) node.appendChild(snippetBlock(r));
    if (r[RELATED].length || r[SIMILARITY] !== null && r[SIMILARITY] !== undefined) {
      var rel = el("p", "related");
      if (r[RELATED].length) {
        rel.appendChild(document.createTextNode("Related: "));
        r[RELATED].forEach(function (loc, k) {
          if (k) rel.appendChild(document.createTextNode(", "));
          rel.appendChild(el("span", "loc", locText(loc)));
        });
      }
      if (r[SIMILARITY] !== null && r[SIMILARITY] !== undefined) {
        rel.appendChild(document.createTextNode((r[RELATED].length ? " \u00b7 " : "") + "similarity " + r[SIMILARITY].toFixed(2)));
      }
      node.appendChild(rel);
    }
    if (hasFix(r)) node.appendChild(fixBlock(r));
    return node;
  }

  function pagerInto(nav, page, pages, go) {
    nav.replaceChildren();
    if (pages <= 1) return;
    function button(label, target, name) {
      var b = el("button", "", label);
      b.type = "button";
      b.setAttribute("aria-label", name);
      b.setAttribute("data-page", name);
      b.disabled = target === page || target < 0 || target >= pages;
      b.addEventListener("click", function () { go(target); });
      nav.appendChild(b);
    }
    button("\u00ab", 0, "first");
    button("\u2039 Prev", page - 1, "previous");
    var input = el("input");
    input.type = "number"; input.min = "1"; input.max = String(pages); input.value = String(page + 1);
    input.setAttribute("aria-label", "page");
    input.addEventListener("change", function () {
      var p = parseInt(input.value, 10);
      if (!isNaN(p)) go(Math.max(0, Math.min(pages - 1, p - 1)));
    });
    nav.appendChild(input);
    nav.appendChild(el("span", "of", "of " + fmt(pages)));
    button("Next \u203a", page + 1, "next");
    button("\u00bb", pages - 1, "last");
  }

  function renderRows() {
    var list = document.getElementById("rows");
    var pages = Math.max(1, Math.ceil(matches.length / PAGE_SIZE));
    state.page = Math.max(0, Math.min(pages - 1, state.page));
    var start = state.page * PAGE_SIZE, end = Math.min(matches.length, start + PAGE_SIZE);
    var frag = document.createDocumentFragment();
    for (var k = start; k < end; k++) frag.appendChild(rowNode(matches[k]));
    list.replaceChildren(frag);
    list.start = start + 1;
    var status = matches.length === 0 ? "No diagnostics match the filters."
      : "Showing " + fmt(start + 1) + "\u2013" + fmt(end) + " of " + plural(matches.length, "diagnostic") +
        (matches.length !== ROWS.length ? " (filtered from " + fmt(ROWS.length) + ")" : "") + ".";
    document.getElementById("status").textContent = status;
    function go(p) {
      state.page = p;
      renderRows();
      writeHash();
      document.getElementById("status").scrollIntoView({ block: "nearest" });
    }
    pagerInto(document.getElementById("pager-top"), state.page, pages, go);
    pagerInto(document.getElementById("pager-bottom"), state.page, pages, go);
  }

  function refresh() {
    matches = filter();
    renderRows();
    writeHash();
  }

  // --- the filters in the address (#rule=D001&severity=error&q=...&page=2) ------------------------
  function readHash() {
    var params = new URLSearchParams(location.hash.replace(/^#/, ""));
    state.rule = params.get("rule") || "";
    state.severity = SEVERITIES.indexOf(params.get("severity")) >= 0 ? params.get("severity") : "";
    state.text = params.get("q") || "";
    state.fixable = params.get("fixable") === "1";
    state.below = params.has("below");
    var t = parseInt(params.get("below"), 10);
    if (!isNaN(t)) state.threshold = Math.max(0, Math.min(101, t));
    var p = parseInt(params.get("page"), 10);
    state.page = isNaN(p) ? 0 : Math.max(0, p - 1);
  }
  function writeHash() {
    var params = new URLSearchParams();
    if (state.rule) params.set("rule", state.rule);
    if (state.severity) params.set("severity", state.severity);
    if (state.text) params.set("q", state.text);
    if (state.fixable) params.set("fixable", "1");
    if (state.below) params.set("below", String(state.threshold));
    if (state.page) params.set("page", String(state.page + 1));
    var hash = params.toString();
    if (hash !== location.hash.replace(/^#/, "")) {
      try { history.replaceState(null, "", hash ? "#" + hash : location.pathname + location.search); } catch (err) { /* file: URLs in some browsers */ }
    }
  }

  readHash();
  subtitle();
  cards();
  ruleChart();
  scoreChart();
  renderClusters();
  setupFilters();
  syncControls();
  refresh();
  document.documentElement.setAttribute("data-ready", "1");
})();
