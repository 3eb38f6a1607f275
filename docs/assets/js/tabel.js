/* Tabel yang terbaca di layar ponsel: setiap sel diberi label dari judul kolomnya (data-label),
   sehingga pada layar sempit CSS (panduan.css, "Tabel di ponsel") dapat menampilkan setiap baris
   sebagai kartu bertumpuk alih-alih tabel yang terpotong. Tabel templat cetak tidak diubah.
   Peran ARIA tabel dipasang eksplisit karena tabel yang ditampilkan sebagai blok kehilangan
   semantiknya di sebagian pembaca layar. Berjalan juga pada build file:// dan versi cetak. */
(function () {
  "use strict";
  function susun(akar) {
    akar.querySelectorAll(".md-typeset table:not([class])").forEach(function (tabel) {
      if (tabel.closest(".templat") || tabel.classList.contains("tabel-kartu")) {
        return;
      }
      var judul = Array.prototype.map.call(tabel.querySelectorAll("thead th"), function (th) {
        return th.textContent.replace(/\s+/g, " ").trim();
      });
      if (judul.length < 2) {
        return;
      }
      tabel.classList.add("tabel-kartu");
      tabel.setAttribute("role", "table");
      tabel.querySelectorAll("thead, tbody").forEach(function (n) { n.setAttribute("role", "rowgroup"); });
      tabel.querySelectorAll("tr").forEach(function (n) { n.setAttribute("role", "row"); });
      tabel.querySelectorAll("th").forEach(function (n) { n.setAttribute("role", "columnheader"); });
      tabel.querySelectorAll("tbody tr").forEach(function (baris) {
        Array.prototype.forEach.call(baris.children, function (sel, i) {
          sel.setAttribute("role", "cell");
          if (judul[i]) {
            sel.setAttribute("data-label", judul[i]);
          }
        });
      });
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () { susun(document); });
  } else {
    susun(document);
  }
})();
