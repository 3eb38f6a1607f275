/*
 * Pencarian panduan: pemuat kecil yang ada di setiap halaman.
 *
 * Halaman tidak memuat indeks pencarian di awal. Begitu pembaca membuka pencarian (klik kotak atau
 * ikon, atau tombol / s f), berkas ini memuat stemmer (assets/js/sastrawi.js), mesin pencarian
 * (assets/js/pencarian-mesin.js) lalu indeks (search/indeks-pencarian.js) sebagai <script>, sehingga
 * juga berjalan dari folder bersama (file://). Lihat pencarian-mesin.js untuk cara kerjanya.
 */
(function () {
  "use strict";
  var root = document.querySelector("[data-panduan-cari]");
  if (!root) return;
  var input = root.querySelector(".md-search__input");
  var toggle = document.getElementById("__search");
  var base = (root.getAttribute("data-base") || ".").replace(/\/?$/, "/");
  var started = null;

  function script(path) {
    return new Promise(function (resolve, reject) {
      var s = document.createElement("script");
      s.src = new URL(base + path, location.href).href;
      s.onload = resolve;
      s.onerror = function () { reject(new Error(path)); };
      document.head.appendChild(s);
    });
  }
  function start() {
    if (started) return started;
    if (toggle && !toggle.checked) {
      toggle.checked = true;
      toggle.dispatchEvent(new Event("change"));
    }
    var meta = root.querySelector(".md-search-result__meta");
    root.setAttribute("data-placeholder", meta.textContent.trim());
    meta.textContent = "Memuat indeks pencarian…";
    started = script("assets/js/sastrawi.js")
      .then(function () { return script("assets/js/pencarian-mesin.js"); })
      .then(function () { return window.PanduanPencarian.start(root); })
      .catch(function () {
        root.querySelector(".md-search-result__meta").textContent =
          "Pencarian tidak dapat dimuat. Bangun situs dengan make site atau make site-offline.";
      });
    return started;
  }

  input.addEventListener("focus", start);
  input.form.addEventListener("submit", function (e) { e.preventDefault(); });
  if (toggle) {
    toggle.addEventListener("change", function () {
      if (toggle.checked && !started) {
        start();
        input.focus();
      }
    });
  }
  document.addEventListener("keydown", function (e) {
    if (started || e.ctrlKey || e.metaKey || e.altKey) return;
    var active = document.activeElement;
    var typing = active && (/^(INPUT|TEXTAREA|SELECT)$/.test(active.tagName) ||
      active.isContentEditable);
    if (!typing && (e.key === "/" || e.key === "s" || e.key === "f")) {
      e.preventDefault();
      input.focus();
    }
  });
})();
