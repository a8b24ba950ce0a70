// Search over all kader text: every word of the query must occur (case and accents ignored).
// The index is a script (hulp/zoekindex.js), because browsers do not let a page read JSON from file://.
(function () {
  "use strict";
  var MAX = 100;
  function plat(t) { return t.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase(); }
  var items = [];
  (window.KD_ZOEKINDEX || { sectoren: [] }).sectoren.forEach(function (s) {
    s.items.forEach(function (i) { items.push({ s: s, id: i[0], plaats: s.plaatsen[i[1]], tekst: i[2], jaren: i[3], plat: plat(i[2]) }); });
  });
  var veld = document.getElementById("zoekterm"), status = document.getElementById("zoekstatus"),
      lijst = document.getElementById("zoekresultaten");
  function zoek(vraag) {
    var woorden = plat(vraag).split(/\s+/).filter(Boolean);
    lijst.textContent = "";
    if (!woorden.length) { status.textContent = ""; return; }
    var gevonden = items.filter(function (i) { return woorden.every(function (w) { return i.plat.indexOf(w) >= 0; }); });
    status.textContent = gevonden.length + (gevonden.length === 1 ? " resultaat" : " resultaten") +
      (gevonden.length > MAX ? "; de eerste " + MAX + " staan hieronder" : "") + ".";
    gevonden.slice(0, MAX).forEach(function (i) {
      var jaar = i.jaren[i.jaren.length - 1], li = document.createElement("li"), a = document.createElement("a"),
          plaats = document.createElement("span");
      li.className = "resultaat";
      a.href = i.s.kaders[jaar] + "#" + i.id;
      a.textContent = i.tekst;
      plaats.className = "plaats";
      plaats.textContent = i.s.naam + " " + i.jaren.join(", ") + (i.plaats ? " · " + i.plaats : "");
      li.appendChild(a); li.appendChild(plaats); lijst.appendChild(li);
    });
  }
  var vraag = new URLSearchParams(location.search).get("q") || "";
  veld.value = vraag;
  zoek(vraag);
  document.getElementById("zoekformulier").addEventListener("submit", function (e) {
    e.preventDefault(); zoek(veld.value);
  });
}());
