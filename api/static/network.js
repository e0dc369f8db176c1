// The who-owns-what network (vis-network, served by this server). The page's data sits in #network-data, with
// starting positions (api/network_layout.py). Physics polishes them for a bounded number of iterations, without
// springs (it only pushes overlapping nodes apart), and is then switched off. Body, document and region names
// keep a readable size on screen at any zoom; a click adds the node's neighbours (/api/network/{id}/neighbours, within
// the page's filters) and shows its details; a double click opens its page.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("network-data").textContent);
  var container = document.getElementById("network");
  var info = document.getElementById("network-info");
  var LABEL_PX = {actor: 13, document: 13, region: 15};  // on-screen label size of named nodes
  var KINDS = {actor: "责任单位", measure: "措施", document: "文件", region: "地区"};
  var ROLES = {lead: ["牵头", "#c0392b"], co: ["配合", "#2980b9"], sole: ["负责", "#8e44ad"], unspecified: ["责任单位", "#7f8c8d"]};

  // Edges come bare (from, to and what they are); their id, colour and tooltip are given here.
  function styled(edge) {
    edge.id = edge.from + ">" + edge.to;
    if (edge.role) {
      edge.color = ROLES[edge.role][1]; edge.title = ROLES[edge.role][0]; edge.arrows = "to";
    } else if (edge.folded) {
      edge.color = "#95a5a6"; edge.title = edge.label + "（项措施）";
    } else {
      edge.color = "#bdc3c7"; edge.dashes = true; edge.title = "属于";
    }
    return edge;
  }

  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges.map(styled));
  var font = {face: "Noto Sans CJK SC, WenQuanYi Zen Hei, sans-serif", strokeWidth: 3, strokeColor: "#ffffff"};
  var network = new vis.Network(container, {nodes: nodes, edges: edges}, {
    layout: {improvedLayout: false, randomSeed: 7},
    physics: {
      solver: "barnesHut",
      barnesHut: {gravitationalConstant: -800, centralGravity: 0, springConstant: 0, damping: 0.6},
      stabilization: {iterations: data.iterations, updateInterval: 50, fit: true}
    },
    interaction: {hover: true, tooltipDelay: 120, hideEdgesOnDrag: true, hideEdgesOnZoom: true},
    nodes: {font: Object.assign({size: 11}, font), borderWidth: 1},
    edges: {smooth: false, font: {size: 10, align: "middle", strokeWidth: 3}, selectionWidth: 2},
    groups: {
      actor: {shape: "dot", color: {background: "#e67e22", border: "#a85a14"}},
      measure: {shape: "square", size: 6, color: {background: "#27ae60", border: "#1e8449"}},
      document: {shape: "diamond", size: 18, color: {background: "#34495e", border: "#1c2833"}},
      region: {shape: "hexagon", size: 26, color: {background: "#16a085", border: "#0e6655"}}
    }
  });
  var labelScale = 0;
  var expanded = {};

  // Named nodes' labels in canvas units, so that they stay LABEL_PX on screen however far the view is zoomed out.
  function labelNamed(force) {
    var scale = network.getScale();
    if (!force && labelScale && Math.abs(scale - labelScale) / labelScale < 0.1) return;
    labelScale = scale;
    var updates = nodes.get({filter: function (n) { return LABEL_PX[n.group]; }}).map(function (n) {
      return {id: n.id, font: {size: LABEL_PX[n.group] / Math.min(scale, 1)}};
    });
    nodes.update(updates);
  }

  function ready() {
    network.setOptions({physics: false});
    network.fit({animation: false});
    labelNamed(true);
    network.on("zoom", function () { labelNamed(false); });
    document.body.dataset.nodes = nodes.length;
    document.body.dataset.ready = "1";
    performance.mark("policykg:network-ready");  // what the benchmark reads (bench/view.py)
  }

  if (nodes.length) network.once("stabilizationIterationsDone", ready); else ready();

  function paragraph(text, className) {
    var p = document.createElement("p");
    p.textContent = text;
    if (className) p.className = className;
    info.appendChild(p);
    return p;
  }

  function describe(id, status) {
    var node = nodes.get(id);
    info.textContent = "";
    paragraph(KINDS[node.group] || "", "muted");
    var lines = (node.title || node.label).split("\n");  // a measure's tooltip starts with its wording
    var heading = document.createElement("h3");
    heading.textContent = node.group === "measure" ? lines[0] : node.label;
    info.appendChild(heading);
    var rest = node.group === "measure" || node.group === "actor" ? lines.slice(1) : [];
    if (rest.length) paragraph(rest.join("\n"), "tip");
    var link = document.createElement("a");
    link.href = node.url;
    link.textContent = node.group === "region" ? "只看这个地区 →" : "打开页面 →";
    info.appendChild(link);
    paragraph(status, "status");
  }

  // New nodes on a ring around the clicked one (physics stays off: the rest of the layout does not move).
  function place(list, origin) {
    var radius = Math.max(90, list.length * 28 / (2 * Math.PI));
    list.forEach(function (node, i) {
      var angle = 2 * Math.PI * i / list.length;
      node.x = origin.x + radius * Math.cos(angle);
      node.y = origin.y + radius * Math.sin(angle);
    });
  }

  function add(id, found) {
    var fresh = found.nodes.filter(function (n) { return !nodes.get(n.id); });
    var room = Math.max(0, data.budget - nodes.length);
    var added = fresh.slice(0, room);
    place(added, network.getPositions([id])[id]);
    nodes.add(added);
    edges.add(found.edges.map(styled).filter(function (e) {
      return nodes.get(e.from) && nodes.get(e.to) && !edges.get(e.id);
    }));
    var node = nodes.get(id);
    if (found.complete && added.length === fresh.length && (node.group === "document" || node.group === "region")) {
      // Unfolded: the counted links of this document or region are now drawn through its parts.
      edges.remove(edges.getIds({filter: function (e) { return e.folded && (e.from === id || e.to === id); }}));
    }
    labelNamed(true);
    document.body.dataset.nodes = nodes.length;
    document.body.dataset.expanded = id;
    var status = added.length ? "已加入 " + added.length + " 个相邻节点。" : "相邻节点都已在图中。";
    if (added.length < fresh.length) status += "已达到 " + data.budget + " 个节点的上限，另有 " + (fresh.length - added.length) + " 个未加入。";
    if (!found.complete) status += "只加入了前一部分相邻节点；用筛选缩小范围可查看其余部分。";
    return status;
  }

  function expand(id) {
    if (expanded[id]) { describe(id, "已展开。"); return; }
    expanded[id] = true;
    describe(id, "正在展开……");
    var query = new URLSearchParams();
    Object.keys(data.scope).forEach(function (key) { if (data.scope[key]) query.set(key, data.scope[key]); });
    fetch("/api/network/" + encodeURIComponent(id) + "/neighbours?" + query.toString(), {credentials: "same-origin"})
      .then(function (response) { if (!response.ok) throw new Error(response.status); return response.json(); })
      .then(function (found) { describe(id, add(id, found)); })
      .catch(function (error) { expanded[id] = false; describe(id, "展开失败（" + error.message + "）。"); });
  }

  // One click expands (after a pause, so that a double click only opens the page).
  var pending = null;
  network.on("click", function (params) {
    clearTimeout(pending);
    if (params.nodes.length) pending = setTimeout(expand, 250, params.nodes[0]);
  });
  network.on("doubleClick", function (params) {
    clearTimeout(pending);
    if (params.nodes.length) window.location.assign(nodes.get(params.nodes[0]).url);
  });
  window.policykgNetwork = {network: network, nodes: nodes, edges: edges};
})();
