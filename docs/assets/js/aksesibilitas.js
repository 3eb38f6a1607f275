/* Aksesibilitas panduan: kotak centang daftar periksa (pymdownx.tasklist) tidak punya nama yang
   dapat dibacakan pembaca layar, karena teksnya berada di luar <label>. Skrip ini memberi setiap
   kotak nama dari teks butirnya (aria-label). Berjalan juga pada versi cetak dan build file://. */
(function () {
  "use strict";
  function beriNama(akar) {
    akar.querySelectorAll(".task-list-item input[type=checkbox]").forEach(function (kotak) {
      if (kotak.hasAttribute("aria-label")) {
        return;
      }
      var salinan = kotak.closest(".task-list-item").cloneNode(true);
      salinan.querySelectorAll("ul, ol, .task-list-control").forEach(function (n) {
        n.remove();
      });
      var teks = salinan.textContent.replace(/\s+/g, " ").trim();
      if (teks) {
        kotak.setAttribute("aria-label", teks);
      }
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () { beriNama(document); });
  } else {
    beriNama(document);
  }
})();
