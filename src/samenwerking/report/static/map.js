/* The interactive network map of report.html: pan, zoom, hover, search, filters,
 * islands to highlight and the suggested introductions to toggle. Plain canvas 2D, no
 * library, no request to any server. It reads its data from #sw-map-data and exposes
 * window.samenwerkingMap for tests and for people who like a console. */
(function () {
  "use strict";
  var root = document.getElementById("sw-map");
  var source = document.getElementById("sw-map-data");
  if (!root || !source) { return; }
  var data = JSON.parse(source.textContent);
  var T = JSON.parse(document.getElementById("sw-map-text").textContent);
  var people = data.people;
  var orgs = data.orgs;
  var byPeople = data.level === "people";
  var BROKER = 1, CUT_POINT = 2, BUS_FACTOR_ONE = 4;

  function el(id) { return document.getElementById(id); }
  var canvas = el("sw-map-canvas");
  var ctx = canvas.getContext("2d");
  var tooltip = el("sw-map-tooltip");
  var status = el("sw-map-status");
  var search = el("sw-map-search");
  var colourBy = el("sw-map-colour");
  var municipality = el("sw-map-municipality");
  var sector = el("sw-map-sector");
  var showIntroductions = el("sw-map-introductions");
  var peoplePanel = el("sw-map-people");

  /* Nodes: {kind, i, x, y, r}; people at the people level, organisations otherwise,
   * plus the people of the organisations a reader opened. */
  var nodes = [];
  var expanded = {};
  var highlight = null;
  var view = { scale: 1, x: 0, y: 0 };
  var drawnCount = 0, drawnIntroductions = 0;

  function orgOf(node) { return node.kind === "org" ? node.i : people.org[node.i]; }
  function attr(node, name) {
    var o = orgOf(node);
    return o >= 0 ? orgs[name][o] : "";
  }
  function build() {
    nodes = [];
    if (byPeople) {
      for (var i = 0; i < people.id.length; i++) {
        nodes.push({ kind: "person", i: i, x: data.x[i], y: data.y[i], r: 3 + Math.min(4, Math.sqrt(people.degree[i]) / 2) });
      }
      return;
    }
    for (var k = 0; k < orgs.id.length; k++) {
      if (data.x[k] === null) { continue; }
      nodes.push({ kind: "org", i: k, x: data.x[k], y: data.y[k], r: Math.min(3 + 1.2 * Math.sqrt(data.staff[k]), 18) });
    }
    Object.keys(expanded).forEach(function (key) {
      var members = expanded[key], o = +key, ring = 24 + 2.5 * Math.sqrt(members.length);
      members.forEach(function (p, j) {
        var angle = 2 * Math.PI * j / members.length;
        nodes.push({ kind: "person", i: p, x: data.x[o] + ring * Math.cos(angle), y: data.y[o] + ring * Math.sin(angle), r: 2.5 });
      });
    });
  }

  function visible(node) {
    if (municipality.value && attr(node, "municipality") !== municipality.value) { return false; }
    if (sector.value && attr(node, "sector") !== sector.value) { return false; }
    return true;
  }
  function colour(node) {
    var mode = colourBy.value;
    var value = attr(node, mode);
    var table = mode === "sector" ? data.sectorColours : data.domainColours;
    return table[value] || "#000000";
  }
  function nodeIndex() {
    var index = {};
    nodes.forEach(function (n) { if (n.kind === (byPeople ? "person" : "org")) { index[n.i] = n; } });
    return index;
  }

  function fit() {
    var w = canvas.clientWidth || 800, h = canvas.clientHeight || 560;
    var minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
    nodes.forEach(function (n) {
      minX = Math.min(minX, n.x); minY = Math.min(minY, n.y);
      maxX = Math.max(maxX, n.x); maxY = Math.max(maxY, n.y);
    });
    if (!isFinite(minX)) { view = { scale: 1, x: 0, y: 0 }; return; }
    var scale = Math.min((w - 40) / Math.max(maxX - minX, 1), (h - 40) / Math.max(maxY - minY, 1));
    view = { scale: scale, x: 20 - minX * scale + (w - 40 - (maxX - minX) * scale) / 2, y: 20 - minY * scale };
  }

  function lines(pairs, step, index, seen) {
    ctx.beginPath();
    var count = 0;
    for (var k = 0; k + 1 < pairs.length; k += step) {
      var a = index[pairs[k]], b = index[pairs[k + 1]];
      if (!a || !b || !seen(a) || !seen(b)) { continue; }
      ctx.moveTo(a.x, a.y); ctx.lineTo(b.x, b.y); count++;
    }
    ctx.stroke();
    return count;
  }

  function draw() {
    var ratio = window.devicePixelRatio || 1;
    var w = canvas.clientWidth || 800, h = canvas.clientHeight || 560;
    if (canvas.width !== Math.round(w * ratio)) { canvas.width = Math.round(w * ratio); canvas.height = Math.round(h * ratio); }
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.fillStyle = "#ffffff"; ctx.fillRect(0, 0, w, h);
    ctx.setTransform(ratio * view.scale, 0, 0, ratio * view.scale, ratio * view.x, ratio * view.y);
    var index = nodeIndex();
    var shown = {};
    nodes.forEach(function (n, k) { shown[k] = visible(n); });
    var seen = function (n) { return visible(n); };
    ctx.lineWidth = 0.8 / view.scale;
    ctx.strokeStyle = "rgba(110,119,129,0.35)";
    if (byPeople) { lines(data.ties, 2, index, seen); } else { lines(data.orgLinks, 3, index, seen); }
    drawnIntroductions = 0;
    if (showIntroductions.checked) {
      ctx.setLineDash([5 / view.scale, 3 / view.scale]);
      ctx.lineWidth = 1.8 / view.scale;
      ctx.strokeStyle = "#1f2328";
      drawnIntroductions = lines(data.introductions, 2, index, seen);
      ctx.setLineDash([]);
    }
    drawnCount = 0;
    nodes.forEach(function (n, k) {
      if (!shown[k]) { return; }
      drawnCount++;
      var lit = highlight === null || highlight.has(key(n));
      ctx.globalAlpha = lit ? 1 : 0.15;
      ctx.beginPath();
      ctx.arc(n.x, n.y, n.r / Math.sqrt(view.scale), 0, 2 * Math.PI);
      ctx.fillStyle = colour(n);
      ctx.fill();
      if (highlight !== null && lit) {
        ctx.lineWidth = 2 / view.scale; ctx.strokeStyle = "#1f2328"; ctx.stroke();
      }
    });
    ctx.globalAlpha = 1;
    root.dataset.ready = "true";
    root.dataset.drawn = String(drawnCount);
    root.dataset.introductions = String(drawnIntroductions);
  }

  function key(n) { return n.kind + ":" + n.i; }
  function roles(p) {
    var out = [], f = people.flags[p];
    if (f & BROKER) { out.push(T.broker); }
    if (f & CUT_POINT) { out.push(T.cutPoint); }
    if (f & BUS_FACTOR_ONE) { out.push(T.busFactorOne); }
    return out;
  }
  function describe(n) {
    var o = orgOf(n), lines = [];
    if (n.kind === "person") {
      lines.push(people.name[n.i] + " (" + people.role[n.i] + ")");
      if (o >= 0) { lines.push(orgs.name[o]); }
      lines.push(T.sector + ": " + (o >= 0 ? data.sectorLabels[orgs.sector[o]] : "?") + " · " + T.ties + ": " + people.degree[n.i]);
      var r = roles(n.i);
      if (r.length) { lines.push(r.join(", ")); }
    } else {
      lines.push(orgs.name[o]);
      lines.push(T.sector + ": " + data.sectorLabels[orgs.sector[o]] + " · " + orgs.municipality[o]);
      lines.push(T.people + ": " + data.staff[o] + " · " + T.linkedOrgs + ": " + data.orgDegree[o]);
      var counts = [0, 0, 0];
      people.org.forEach(function (po, p) {
        if (po !== o) { return; }
        var f = people.flags[p];
        if (f & BROKER) { counts[0]++; } if (f & CUT_POINT) { counts[1]++; } if (f & BUS_FACTOR_ONE) { counts[2]++; }
      });
      var parts = [];
      if (counts[0]) { parts.push(T.broker + ": " + counts[0]); }
      if (counts[1]) { parts.push(T.cutPoint + ": " + counts[1]); }
      if (counts[2]) { parts.push(T.busFactorOne + ": " + counts[2]); }
      if (parts.length) { lines.push(parts.join(" · ")); }
    }
    return lines;
  }

  function nodeAt(clientX, clientY) {
    var box = canvas.getBoundingClientRect();
    var x = (clientX - box.left - view.x) / view.scale, y = (clientY - box.top - view.y) / view.scale;
    var best = null, bestDistance = Infinity;
    nodes.forEach(function (n) {
      if (!visible(n)) { return; }
      var d = Math.hypot(n.x - x, n.y - y), reach = (n.r / Math.sqrt(view.scale) + 4 / view.scale);
      if (d <= reach && d < bestDistance) { best = n; bestDistance = d; }
    });
    return best;
  }

  function say(text) { status.textContent = text; }

  function showPeople(o) {
    peoplePanel.textContent = "";
    if (o === null) { return; }
    var heading = document.createElement("h4");
    heading.textContent = T.peopleOf + " " + orgs.name[o];
    var list = document.createElement("ul");
    var members = expanded[o] || [];
    members.slice(0, 200).forEach(function (p) {
      var item = document.createElement("li");
      var r = roles(p);
      item.textContent = people.name[p] + " (" + people.role[p] + ", " + people.degree[p] + " " + T.ties + ")" + (r.length ? " · " + r.join(", ") : "");
      list.appendChild(item);
    });
    peoplePanel.appendChild(heading);
    peoplePanel.appendChild(list);
    if (members.length > 200) {
      var more = document.createElement("p");
      more.textContent = T.andMore.replace("{n}", String(members.length - 200));
      peoplePanel.appendChild(more);
    }
  }

  function toggleOrganisation(o) {
    if (expanded[o]) { delete expanded[o]; showPeople(null); }
    else {
      var members = [];
      people.org.forEach(function (po, p) { if (po === o) { members.push(p); } });
      expanded[o] = members;
      showPeople(o);
    }
    build(); draw();
  }

  function centreOn(n) {
    var w = canvas.clientWidth || 800, h = canvas.clientHeight || 560;
    view.scale = Math.max(view.scale, 1.5);
    view.x = w / 2 - n.x * view.scale; view.y = h / 2 - n.y * view.scale;
  }

  function find(query) {
    var q = String(query || "").trim().toLowerCase();
    if (!q) { highlight = null; draw(); say(""); return null; }
    var match = null;
    var pick = function (names, kind) {
      var exact = -1, partial = -1;
      for (var i = 0; i < names.length; i++) {
        var name = names[i].toLowerCase();
        if (name === q) { exact = i; break; }
        if (partial < 0 && name.indexOf(q) >= 0) { partial = i; }
      }
      var hit = exact >= 0 ? exact : partial;
      return hit >= 0 ? { kind: kind, i: hit, exact: exact >= 0 } : null;
    };
    var org = pick(orgs.name, "org"), person = pick(people.name, "person");
    match = org && (org.exact || !(person && person.exact)) ? org : person;
    if (match === null) { highlight = null; draw(); say(T.notFound.replace("{q}", query)); return null; }
    var target;
    if (match.kind === "org" && byPeople) {
      highlight = new Set();
      people.org.forEach(function (po, p) { if (po === match.i) { highlight.add("person:" + p); } });
      target = nodes.filter(function (n) { return highlight.has(key(n)); })[0];
      say(T.found + ": " + orgs.name[match.i] + " (" + data.sectorLabels[orgs.sector[match.i]] + ", " + orgs.municipality[match.i] + ")");
    } else if (match.kind === "person" && !byPeople) {
      var o = people.org[match.i];
      if (o >= 0 && !expanded[o] && data.x[o] !== null) { toggleOrganisation(o); }
      highlight = new Set(["person:" + match.i]);
      target = nodes.filter(function (n) { return n.kind === "person" && n.i === match.i; })[0];
      say(T.found + ": " + people.name[match.i] + (o >= 0 ? " (" + orgs.name[o] + ")" : ""));
    } else {
      highlight = new Set([match.kind + ":" + match.i]);
      target = nodes.filter(function (n) { return n.kind === match.kind && n.i === match.i; })[0];
      var label = match.kind === "org" ? orgs.name[match.i] + " (" + data.sectorLabels[orgs.sector[match.i]] + ", " + orgs.municipality[match.i] + ")" : people.name[match.i];
      say(T.found + ": " + label);
    }
    if (target) { centreOn(target); }
    draw();
    return match;
  }

  function highlightIsland(rank, button) {
    var buttons = root.querySelectorAll("#sw-map-islands button");
    var already = button.getAttribute("aria-pressed") === "true";
    buttons.forEach(function (b) { b.setAttribute("aria-pressed", "false"); });
    if (already) { highlight = null; draw(); say(""); return; }
    button.setAttribute("aria-pressed", "true");
    highlight = new Set();
    if (byPeople) {
      people.island.forEach(function (r, p) { if (r === rank) { highlight.add("person:" + p); } });
    } else {
      data.islands[rank].orgs.forEach(function (o) { highlight.add("org:" + o); });
    }
    say(button.textContent);
    draw();
  }

  function fillControls() {
    var names = el("sw-map-names");
    var options = orgs.name.slice();
    if (byPeople) { options = options.concat(people.name); }
    options.slice(0, 5000).forEach(function (name) {
      var option = document.createElement("option"); option.value = name; names.appendChild(option);
    });
    data.municipalities.forEach(function (m) {
      var option = document.createElement("option"); option.value = m; option.textContent = m; municipality.appendChild(option);
    });
    var sectors = {};
    orgs.sector.forEach(function (s) { sectors[s] = true; });
    Object.keys(data.sectorLabels).forEach(function (s) {
      if (!sectors[s]) { return; }
      var option = document.createElement("option"); option.value = s; option.textContent = data.sectorLabels[s]; sector.appendChild(option);
    });
    var list = el("sw-map-islands");
    data.islands.forEach(function (island) {
      var item = document.createElement("li");
      var button = document.createElement("button");
      button.type = "button";
      button.setAttribute("aria-pressed", "false");
      button.textContent = T.island.replace("{rank}", String(island.rank + 1)).replace("{size}", String(island.size)) + " (" + island.domains.join(", ") + ")";
      button.addEventListener("click", function () { highlightIsland(island.rank, button); });
      item.appendChild(button);
      list.appendChild(item);
    });
    legend();
  }

  function legend() {
    var box = el("sw-map-legend");
    box.textContent = "";
    var mode = colourBy.value, table = mode === "sector" ? data.sectorColours : data.domainColours;
    var used = {};
    orgs[mode].forEach(function (v) { used[v] = true; });
    Object.keys(table).forEach(function (value) {
      if (!used[value]) { return; }
      var item = document.createElement("li");
      var swatch = document.createElement("span");
      swatch.className = "sw-swatch"; swatch.style.background = table[value];
      item.appendChild(swatch);
      item.appendChild(document.createTextNode((mode === "sector" ? data.sectorLabels : data.domainLabels)[value] || value));
      box.appendChild(item);
    });
  }

  var drag = null;
  canvas.addEventListener("pointerdown", function (e) { drag = { x: e.clientX, y: e.clientY, vx: view.x, vy: view.y, moved: false }; canvas.setPointerCapture(e.pointerId); });
  canvas.addEventListener("pointermove", function (e) {
    if (drag) {
      var dx = e.clientX - drag.x, dy = e.clientY - drag.y;
      if (Math.abs(dx) + Math.abs(dy) > 3) { drag.moved = true; }
      view.x = drag.vx + dx; view.y = drag.vy + dy; draw(); return;
    }
    var n = nodeAt(e.clientX, e.clientY);
    if (!n) { tooltip.hidden = true; return; }
    tooltip.textContent = describe(n).join("\n");
    var box = canvas.getBoundingClientRect();
    tooltip.style.left = (e.clientX - box.left + 12) + "px";
    tooltip.style.top = (e.clientY - box.top + 12) + "px";
    tooltip.hidden = false;
  });
  canvas.addEventListener("pointerup", function (e) {
    var moved = drag && drag.moved;
    drag = null;
    if (moved) { return; }
    var n = nodeAt(e.clientX, e.clientY);
    if (n && n.kind === "org") { toggleOrganisation(n.i); }
    if (n) { say(describe(n).join(" · ")); }
  });
  canvas.addEventListener("pointerleave", function () { tooltip.hidden = true; });
  canvas.addEventListener("wheel", function (e) {
    e.preventDefault();
    var box = canvas.getBoundingClientRect(), factor = e.deltaY < 0 ? 1.2 : 1 / 1.2;
    zoom(factor, e.clientX - box.left, e.clientY - box.top);
  }, { passive: false });
  function zoom(factor, cx, cy) {
    view.x = cx - (cx - view.x) * factor; view.y = cy - (cy - view.y) * factor; view.scale *= factor; draw();
  }
  el("sw-map-zoom-in").addEventListener("click", function () { zoom(1.3, canvas.clientWidth / 2, canvas.clientHeight / 2); });
  el("sw-map-zoom-out").addEventListener("click", function () { zoom(1 / 1.3, canvas.clientWidth / 2, canvas.clientHeight / 2); });
  el("sw-map-reset").addEventListener("click", function () { highlight = null; fit(); draw(); say(""); });
  search.addEventListener("change", function () { find(search.value); });
  search.addEventListener("keydown", function (e) { if (e.key === "Enter") { e.preventDefault(); find(search.value); } });
  [municipality, sector].forEach(function (s) { s.addEventListener("change", function () { draw(); say(T.shown.replace("{n}", String(drawnCount))); }); });
  colourBy.addEventListener("change", function () { legend(); draw(); });
  showIntroductions.addEventListener("change", function () { draw(); say(T.introductionsShown.replace("{n}", String(drawnIntroductions))); });
  window.addEventListener("resize", function () { draw(); });

  root.hidden = false;
  var fallback = document.getElementById("sw-map-fallback");
  if (fallback) { fallback.hidden = true; }
  build();
  fillControls();
  fit();
  draw();
  window.samenwerkingMap = {
    level: data.level,
    drawnNodes: function () { return drawnCount; },
    drawnIntroductions: function () { return drawnIntroductions; },
    find: find,
    open: toggleOrganisation,
    highlighted: function () { return highlight === null ? 0 : highlight.size; },
    /* Where the drawn dot of an organisation or person with this name is, in page
     * coordinates (null if none is drawn): for tests that hover like a person does. */
    whereIs: function (name) {
      var box = canvas.getBoundingClientRect();
      for (var k = 0; k < nodes.length; k++) {
        var n = nodes[k], label = n.kind === "org" ? orgs.name[n.i] : people.name[n.i];
        if (label === name && visible(n)) {
          return { x: box.left + view.x + n.x * view.scale, y: box.top + view.y + n.y * view.scale };
        }
      }
      return null;
    }
  };
})();
