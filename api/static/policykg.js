// policykg pages: sort a table by clicking its header, filter a table or a list with the box above it. No libraries.
(function () {
  function cellValue(row, index) {
    var text = (row.cells[index] ? row.cells[index].textContent : "").trim();
    var number = parseFloat(text.replace(/,/g, ""));
    return isNaN(number) || !/^[-\d.,]+$/.test(text) ? text : number;
  }
  document.querySelectorAll("table.sortable th").forEach(function (th) {
    th.addEventListener("click", function () {
      var table = th.closest("table"), body = table.tBodies[0], index = th.cellIndex;
      var ascending = !th.classList.contains("sorted-asc");
      table.querySelectorAll("th").forEach(function (other) { other.classList.remove("sorted-asc", "sorted-desc"); });
      th.classList.add(ascending ? "sorted-asc" : "sorted-desc");
      Array.from(body.rows).sort(function (a, b) {
        var x = cellValue(a, index), y = cellValue(b, index);
        var order = typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y), "zh-CN");
        return ascending ? order : -order;
      }).forEach(function (row) { body.appendChild(row); });
    });
  });
  document.querySelectorAll("input.filter").forEach(function (input) {
    input.addEventListener("input", function () {
      var list = document.getElementById(input.dataset.table), words = input.value.trim().toLowerCase().split(/\s+/);
      // a table's rows, or the items (data-item) of another list such as a document's measure tree
      var items = list.tBodies ? list.tBodies[0].rows : list.querySelectorAll("[data-item]");
      Array.from(items).forEach(function (row) {
        var text = row.textContent.toLowerCase();
        row.hidden = !words.every(function (word) { return text.indexOf(word) >= 0; });
      });
    });
  });
})();
