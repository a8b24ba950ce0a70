// Search over all kader text and every change of the Staten (its number, kind, place and toelichtingen): every
// word of the query must occur (case and accents ignored); a change whose number is the query comes first.
// The index is a script (hulp/zoekindex.js), because browsers do not let a page read JSON from file://.
(function () {
  "use strict";
  var MAX = 100;
  function plat(t) { return t.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase(); }
  var items = [];
  (window.KD_ZOEKINDEX || { sectoren: [] }).sectoren.forEach(function (s) {
    s.items.forEach(function (i) {
      var jaar = i[3][i[3].length - 1];
      items.push({ url: s.kaders[jaar] + "#" + i[0], tekst: i[2], plat: plat(i[2]),
                   plaats: s.naam + " " + i[3].join(", ") + (s.plaatsen[i[1]] ? " · " + s.plaatsen[i[1]] : "") });
    });
    (s.staten || []).forEach(function (st) {
      st.wijzigingen.forEach(function (w) {
        items.push({ url: st.url + "#" + w[0], nummer: plat(w[0]), tekst: w[0] + ": " + w[2], plat: plat(w[0] + " " + w[2]),
                     plaats: "Staat van wijzigingen " + s.naam + " " + st.van + " → " + st.naar +
                       (s.plaatsen[w[1]] ? " · " + s.plaatsen[w[1]] : "") });
      });
    });
  });
  var veld = document.getElementById("zoekterm"), status = document.getElementById("zoekstatus"),
      lijst = document.getElementById("zoekresultaten");
  function zoek(vraag) {
    var woorden = plat(vraag).split(/\s+/).filter(Boolean), heel = woorden.join(" ");
    lijst.textContent = "";
    if (!woorden.length) { status.textContent = ""; return; }
    var gevonden = items.filter(function (i) { return woorden.every(function (w) { return i.plat.indexOf(w) >= 0; }); });
    gevonden.sort(function (a, b) { return (b.nummer === heel) - (a.nummer === heel); });  // stable: else index order
    status.textContent = gevonden.length + (gevonden.length === 1 ? " resultaat" : " resultaten") +
      (gevonden.length > MAX ? "; de eerste " + MAX + " staan hieronder" : "") + ".";
    gevonden.slice(0, MAX).forEach(function (i) {
      var li = document.createElement("li"), a = document.createElement("a"), plaats = document.createElement("span");
      li.className = "resultaat";
      a.href = i.url;
      a.textContent = i.tekst;
      plaats.className = "plaats";
      plaats.textContent = i.plaats;
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
