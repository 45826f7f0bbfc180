(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("quote-data").textContent);
  var detail = document.getElementById("detail");
  var fields = [["speaker", "canonical speaker"], ["mention", "mention"], ["speaker_id", "id"], ["kind", "kind"],
    ["resolved_by", "resolved by"], ["affiliation", "affiliation"], ["cue", "cue"], ["confidence", "confidence"],
    ["rule", "rule"], ["type", "type"]];

  function show(id) {
    var quote = data[id];
    if (!quote) { return; }
    var list = document.createElement("dl");
    fields.forEach(function (field) {
      var value = quote[field[0]];
      if (value === null || value === undefined || value === "") { return; }
      var term = document.createElement("dt"); term.textContent = field[1];
      var description = document.createElement("dd"); description.textContent = String(value);
      list.appendChild(term); list.appendChild(description);
    });
    var text = document.createElement("p"); text.textContent = "“" + quote.text + "”";
    detail.replaceChildren(list, text);
    document.querySelectorAll("mark.quote.selected").forEach(function (mark) { mark.classList.remove("selected"); });
    document.querySelectorAll('mark.quote[data-quote-id="' + CSS.escape(id) + '"]').forEach(function (mark) {
      mark.classList.add("selected");
    });
  }

  document.querySelectorAll("mark.quote").forEach(function (mark) {
    var quote = data[mark.dataset.quoteId];
    if (quote) {
      mark.title = quote.type + " · " + (quote.speaker || "no speaker") + " · " + (quote.resolved_by || "") +
        " · confidence " + quote.confidence;
    }
    mark.addEventListener("mouseenter", function (event) { event.stopPropagation(); show(mark.dataset.quoteId); });
    mark.addEventListener("focus", function () { show(mark.dataset.quoteId); });
  });

  function filter(key) {
    document.querySelectorAll("ul.speakers button").forEach(function (button) {
      button.classList.toggle("active", button.dataset.speakerKey === key);
    });
    document.querySelectorAll("mark.quote").forEach(function (mark) {
      var quote = data[mark.dataset.quoteId];
      mark.classList.toggle("dim", key !== "*" && (!quote || quote.speaker_key !== key));
    });
    document.querySelectorAll("table.quotes tbody tr").forEach(function (row) {
      row.classList.toggle("hidden", key !== "*" && row.dataset.speakerKey !== key);
    });
    document.querySelectorAll("section.article").forEach(function (section) {
      var keys = (section.dataset.speakerKeys || "").split("|");
      section.classList.toggle("hidden", key !== "*" && keys.indexOf(key) < 0);
    });
  }

  document.querySelectorAll("ul.speakers button").forEach(function (button) {
    button.addEventListener("click", function () { filter(button.dataset.speakerKey); });
  });
})();
