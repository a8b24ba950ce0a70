// Compare any two years of one sector in the browser. The data (hulp/vergelijk-SECTOR.js) holds every element's
// text per year along the alignment chains of the Staten, so an element is followed when its id or place changes;
// here only the word diff of the two chosen texts is computed.
(function () {
  "use strict";
  var form = document.getElementById("vergelijkformulier"), status = document.getElementById("vergelijkstatus"),
      uit = document.getElementById("vergelijking"), sector = document.getElementById("sector"),
      van = document.getElementById("van"), naar = document.getElementById("naar");
  var TOKEN = /[\p{L}\p{N}]+(?:[.\/\-'’][\p{L}\p{N}]+)*|\s+|[^\s\p{L}\p{N}]/gu;
  function diff(a, b) {  // word diff by longest common subsequence: [[op, text]], op -1/0/1
    var x = a.match(TOKEN) || [], y = b.match(TOKEN) || [], n = x.length, m = y.length;
    if (n * m > 4000000) { return [[-1, a], [1, b]]; }
    var t = [], i, j;
    for (i = 0; i <= n; i++) { t.push(new Uint32Array(m + 1)); }
    for (i = n - 1; i >= 0; i--) { for (j = m - 1; j >= 0; j--) {
      t[i][j] = x[i] === y[j] ? t[i + 1][j + 1] + 1 : Math.max(t[i + 1][j], t[i][j + 1]); } }
    var ruw = [];
    i = 0; j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && x[i] === y[j]) { ruw.push([0, x[i]]); i++; j++; }
      else if (i < n && (j === m || t[i + 1][j] >= t[i][j + 1])) { ruw.push([-1, x[i]]); i++; }
      else { ruw.push([1, y[j]]); j++; }
    }
    return orden(ruw);
  }
  // Like kaderdiff's own word diff: a tiny equality between two changes (' de ', ', ') is noise and becomes part
  // of the change; within a change the deleted words come before the inserted ones.
  function orden(ruw) {
    var stukken = [], k;
    for (k = 0; k < ruw.length; k++) {
      var laatste = stukken[stukken.length - 1];
      if (laatste && (laatste.op === 0) === (ruw[k][0] === 0)) { laatste.delen.push(ruw[k]); }
      else { stukken.push({ op: ruw[k][0] === 0 ? 0 : 2, delen: [ruw[k]] }); }
    }
    for (k = 1; k < stukken.length - 1; k++) {
      var woorden = stukken[k].delen.filter(function (d) { return /[\p{L}\p{N}]/u.test(d[1]); }).length;
      if (stukken[k].op === 0 && stukken[k].delen.length <= 3 && woorden <= 1) {
        stukken[k].op = 2;
        stukken[k].delen = stukken[k].delen.map(function (d) { return [2, d[1]]; });
      }
    }
    var r = [];
    function voeg(op, s) { if (!s) { return; } if (r.length && r[r.length - 1][0] === op) { r[r.length - 1][1] += s; } else { r.push([op, s]); } }
    for (k = 0; k < stukken.length; k++) {
      var st = stukken[k];
      if (st.op === 0) { voeg(0, st.delen.map(function (d) { return d[1]; }).join("")); continue; }
      while (k + 1 < stukken.length && stukken[k + 1].op === 2) { st.delen = st.delen.concat(stukken[++k].delen); }
      voeg(-1, st.delen.filter(function (d) { return d[0] !== 1; }).map(function (d) { return d[1]; }).join(""));
      voeg(1, st.delen.filter(function (d) { return d[0] !== -1; }).map(function (d) { return d[1]; }).join(""));
    }
    return r;
  }
  function el(tag, tekst, klasse) {
    var e = document.createElement(tag);
    if (tekst !== undefined) { e.textContent = tekst; }
    if (klasse) { e.className = klasse; }
    return e;
  }
  function link(href, tekst) { var a = el("a", tekst); a.href = href; return a; }
  function toon(d, a, b) {
    var ia = d.jaren.indexOf(a), ib = d.jaren.indexOf(b);
    uit.textContent = "";
    if (ia < 0 || ib < 0) { status.textContent = d.sleutel.toUpperCase() + " heeft geen kader in " + (ia < 0 ? a : b) + "."; return; }
    var tabel = el("table", undefined, "stapel"), kop = el("thead"), rij = el("tr"), body = el("tbody"), aantal = 0;
    tabel.appendChild(el("caption", d.sleutel.toUpperCase() + ": " + a + " vergeleken met " + b));
    var koppen = ["Onderdeel", "Wat", "Tekst (" + a + " doorgehaald, " + b + " onderstreept)", "Nummers in de Staten"];
    koppen.forEach(function (k) { var th = el("th", k); th.scope = "col"; rij.appendChild(th); });
    kop.appendChild(rij); tabel.appendChild(kop); tabel.appendChild(body);
    d.elementen.forEach(function (keten) {
      var x = keten[ia], y = keten[ib];
      if (!x && !y) { return; }
      var tx = x ? d.teksten[x[0]] : "", ty = y ? d.teksten[y[0]] : "";
      var px = x ? d.plaatsen[x[1]] : "", py = y ? d.plaatsen[y[1]] : "";
      var r = el("tr"), plaats = el("th"), tekst = el("td"), nummers = el("td"), lo = Math.min(ia, ib), hi = Math.max(ia, ib);
      for (var k = lo + 1; k <= hi; k++) {
        var s = keten[k];
        if (s && s[3]) {
          if (nummers.childNodes.length) { nummers.appendChild(document.createTextNode(", ")); }
          nummers.appendChild(link(d.staten[d.jaren[k]] + "#" + s[3], d.jaren[k] + ": " + s[3]));
        }
      }
      // same text: only a row when a Staat in between reported the element (moved, renumbered), not when
      // merely a heading above it was renumbered
      if (x && y && tx === ty && (px === py || !nummers.childNodes.length)) { return; }
      var wat = !x ? "toegevoegd" : !y ? "vervallen" : tx === ty ? "verplaatst of hernummerd" : "gewijzigd";
      plaats.scope = "row";
      var doel = y ? b : a, schakel = y || x;
      plaats.appendChild(link(d.kaders[doel] + "#" + schakel[2], (y ? py : px) || schakel[2]));
      diff(ia < ib ? tx : ty, ia < ib ? ty : tx).forEach(function (deel) {
        tekst.appendChild(deel[0] === 0 ? document.createTextNode(deel[1]) : el(deel[0] < 0 ? "del" : "ins", deel[1]));
      });
      var watcel = el("td", wat);
      [watcel, tekst, nummers].forEach(function (cel, k) { cel.setAttribute("data-kop", koppen[k + 1]); });
      r.appendChild(plaats); r.appendChild(watcel); r.appendChild(tekst); r.appendChild(nummers);
      body.appendChild(r); aantal++;
    });
    status.textContent = aantal + (aantal === 1 ? " onderdeel verschilt" : " onderdelen verschillen") + " tussen " + a + " en " + b + ".";
    if (aantal) { uit.appendChild(tabel); }
  }
  function vergelijk() {
    var keuze = sector.options[sector.selectedIndex], sleutel = keuze.value, a = +van.value, b = +naar.value;
    var data = (window.KD_VERGELIJK || {})[sleutel];
    if (data) { toon(data, a, b); return; }
    status.textContent = "Gegevens laden…";
    var script = document.createElement("script");
    script.src = keuze.getAttribute("data-script");
    script.onload = function () { toon(window.KD_VERGELIJK[sleutel], a, b); };
    script.onerror = function () { status.textContent = "De gegevens van " + sleutel.toUpperCase() + " ontbreken."; };
    document.body.appendChild(script);
  }
  var vraag = new URLSearchParams(location.search);
  ["sector", "van", "naar"].forEach(function (naam) {
    if (vraag.get(naam)) { document.getElementById(naam).value = vraag.get(naam); }
  });
  form.addEventListener("submit", function (e) { e.preventDefault(); vergelijk(); });
  if (vraag.get("sector")) { vergelijk(); }
}());
