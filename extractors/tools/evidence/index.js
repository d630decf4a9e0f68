// The evidence index's search and filters: rows that do not match are hidden, and the
// actors whose names match are offered as links to their pages. The data comes from
// search.js; without it (or without scripts) the whole table stays as it is.
(function () {
  "use strict";
  var data = window.WIREHOUSE_SEARCH;
  var form = document.getElementById("find");
  if (!data || !form) {
    return;
  }
  // as search_index.fold in Python: lower case, accents dropped
  function fold(text) {
    return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
  }
  function hasAll(text, terms) {
    return terms.every(function (term) { return text.indexOf(term) !== -1; });
  }

  var rows = Array.prototype.slice.call(document.querySelectorAll("#documents tbody tr"));
  var entries = rows.map(function (row) {
    return data.documents[row.dataset.id] || fold(row.cells[0].textContent);
  });
  var actors = data.actors.map(function (a) {
    return { id: a[0], name: a[1], kind: a[2], documents: a[3], key: fold(a[1]) };
  });
  var query = document.getElementById("q");
  var section = document.getElementById("section");
  var root = document.getElementById("root");
  var shown = document.getElementById("shown");
  var found = document.getElementById("actors-found");
  var hits = document.getElementById("actor-hits");
  var MAX_ACTORS = 12;

  function showActors(terms) {
    var matching = terms.length ? actors.filter(function (a) { return hasAll(a.key, terms); }) : [];
    hits.textContent = "";
    matching.slice(0, MAX_ACTORS).forEach(function (a) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = "actor/" + a.id + ".html";
      link.textContent = a.name;
      item.appendChild(link);
      item.appendChild(document.createTextNode(" (" + a.kind + ", " + a.documents + " documents)"));
      hits.appendChild(item);
    });
    found.hidden = matching.length === 0;
  }

  function update() {
    var terms = fold(query.value).split(/\s+/).filter(Boolean);
    var count = 0;
    rows.forEach(function (row, i) {
      var match = hasAll(entries[i], terms) &&
        (!section.value || row.dataset.section === section.value) &&
        (!root.value || row.dataset.roots.split(" ").indexOf(root.value) !== -1);
      row.hidden = !match;
      count += match ? 1 : 0;
    });
    shown.textContent = count + " of " + rows.length + " documents shown";
    showActors(terms);
  }

  form.addEventListener("submit", function (event) { event.preventDefault(); });
  query.addEventListener("input", update);
  section.addEventListener("change", update);
  root.addEventListener("change", update);
  form.hidden = false;
  update();
})();
