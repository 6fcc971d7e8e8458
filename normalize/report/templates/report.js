/* normalize report: draw the charts (Vega-Embed, inlined above) and filter the documents. */
(function () {
  "use strict";

  // Charts: each .chart names the <script type="application/json"> holding its Vega spec.
  document.querySelectorAll(".chart[data-spec]").forEach(function (el) {
    var spec = JSON.parse(document.getElementById(el.dataset.spec).textContent);
    vegaEmbed(el, spec, { renderer: "svg", actions: false, tooltip: true })
      .then(function () { el.dataset.rendered = "true"; })
      .catch(function (error) { el.dataset.rendered = "failed"; el.textContent = "chart failed: " + error; });
  });

  // Documents: search (id, title, text), language, role, errors.
  var search = document.getElementById("f-search");
  var lang = document.getElementById("f-lang");
  var role = document.getElementById("f-role");
  var errors = document.getElementById("f-errors");
  var count = document.getElementById("shown-count");
  var nothing = document.getElementById("nothing-shown");
  var docs = Array.prototype.slice.call(document.querySelectorAll("article.doc"));

  function apply() {
    var query = search.value.trim().toLowerCase();
    var wantLang = lang.value, wantRole = role.value, onlyProblems = errors.checked;
    var shown = 0;
    docs.forEach(function (doc) {
      var visible = !onlyProblems || doc.dataset.errors !== "0" || doc.dataset.warnings !== "0";
      if (visible && query) {
        visible = doc.textContent.toLowerCase().indexOf(query) >= 0;
      }
      var anySegment = false;
      doc.querySelectorAll(".seg-row").forEach(function (row) {
        var keep = (!wantLang || row.dataset.lang === wantLang) && (!wantRole || row.dataset.role === wantRole);
        row.hidden = !keep;
        anySegment = anySegment || keep;
      });
      if ((wantLang || wantRole) && !anySegment) { visible = false; }
      doc.hidden = !visible;
      if (visible) { shown += 1; }
    });
    count.textContent = String(shown);
    nothing.hidden = shown > 0;
  }

  [search, lang, role, errors].forEach(function (control) {
    control.addEventListener("input", apply);
    control.addEventListener("change", apply);
  });
  // Clicking a language in the legend filters by it (again: all languages).
  document.querySelectorAll("#legend .chip[data-lang]").forEach(function (chip) {
    chip.style.cursor = "pointer";
    chip.addEventListener("click", function () {
      var value = chip.dataset.lang;
      lang.value = lang.value === value ? "" : value;
      apply();
    });
  });
})();
