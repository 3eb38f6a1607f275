/* Versi cetak (halaman print_page dan edisi PDF dari `make pdf`).
   1. Setiap bagian navigasi punya halaman pengantar yang judulnya sama dengan judul bagian; di daftar
      isi dan di isi, judul itu cukup tampil sekali.
   2. Saat dicetak, kotak pembuka (Pertanyaan, Tujuan belajar) dan kotak lipat lain dibuka, kecuali
      jawaban latihan: jawaban hanya tercetak di edisi pelatih (`make pdf`).
   Skrip ini tidak memuat apa pun dari luar. */
(function () {
  "use strict";
  function teks(el) {
    return el ? el.textContent.replace(/[¶#]/g, "").replace(/\s+/g, " ").trim() : "";
  }
  function rapikan() {
    var halaman = document.getElementById("print-site-page");
    if (!halaman || halaman.dataset.dirapikan) {
      return;
    }
    halaman.dataset.dirapikan = "ya";
    halaman.querySelectorAll("section.md-section").forEach(function (bagian) {
      var judul = bagian.querySelector(":scope > h1");
      var pertama = bagian.querySelector(":scope > section.print-page");
      var judulPertama = pertama && pertama.querySelector(":scope > h1");
      if (judul && judulPertama && teks(judul) === teks(judulPertama)) {
        judulPertama.remove();
      }
    });
    document.querySelectorAll("#print-page-toc li").forEach(function (butir) {
      var tautan = butir.querySelector(":scope > a");
      var anak = butir.querySelector(":scope > nav > ul > li, :scope > ul > li");
      var tautanAnak = anak && anak.querySelector(":scope > a");
      if (tautan && tautanAnak && teks(tautan) === teks(tautanAnak)) {
        anak.remove();
      }
    });
  }
  function bukaUntukCetak() {
    document.querySelectorAll(".md-typeset details:not(.success)").forEach(function (d) {
      d.open = true;
    });
  }
  window.panduanCetak = { rapikan: rapikan, bukaUntukCetak: bukaUntukCetak };
  window.addEventListener("load", rapikan);
  window.addEventListener("beforeprint", function () {
    rapikan();
    bukaUntukCetak();
  });
})();
