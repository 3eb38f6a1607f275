/* Aturan skor asesmen diri dan cek kendala, untuk alat di peramban.
   Ini penerapan kedua dari satu aturan tertulis (halaman alat/asesmen-diri.md, "Aturan
   penghitungan"); penerapan pertamanya selfassess.scoring.score di Python. Uji peramban
   membandingkan keduanya pada ratusan kumpulan jawaban, jadi urutan operasinya sengaja sama:
   butir terbalik = min + maks - x; skor dimensi = rata-rata butir yang dijawab bila paling sedikit
   minShare butirnya dijawab; skor keseluruhan = rata-rata skor dimensi bila paling sedikit
   minShare dimensinya punya skor; setiap skor dibulatkan ke 10 desimal (seperti numpy.round:
   kali 1e10, bulatkan ke genap terdekat, bagi 1e10) sebelum pitanya ditentukan. */
(function (A) {
  "use strict";
  var SKALA_10 = 1e10;

  /* Pembulatan ke bilangan bulat terdekat, dan ke genap bila tepat di tengah (seperti rint). */
  function rint(y) {
    var bawah = Math.floor(y);
    var sisa = y - bawah;
    if (sisa > 0.5) return bawah + 1;
    if (sisa < 0.5) return bawah;
    return bawah % 2 === 0 ? bawah : bawah + 1;
  }

  function bulatkan(x) {
    return rint(x * SKALA_10) / SKALA_10;
  }

  /* Pita sebuah skor: [min, max), pita terakhir termasuk max-nya; null bila skor kosong. */
  function pita(inst, s) {
    var daftar = inst.pita;
    if (s === null || !(s >= daftar[0].min && s <= daftar[daftar.length - 1].max)) return null;
    var k = 0;
    for (var i = 1; i < daftar.length; i++) if (s >= daftar[i].min) k++;
    return daftar[k];
  }

  function cukup(banyak, semua, share) {
    return banyak > 0 && banyak >= share * semua - 1e-9;
  }

  /* Jawaban yang sah: bilangan bulat pada skala; selain itu dianggap belum dijawab. */
  function nilai(inst, x) {
    return typeof x === "number" && x % 1 === 0 && x >= inst.skala.min && x <= inst.skala.max
      ? x : null;
  }

  /* Skor satu kumpulan jawaban {id butir: angka}. Hasil: dimensi [{id, skor, pita}] menurut
     urutan instrumen, keseluruhan {skor, pita}, dan belum (butir yang belum dijawab). */
  function hitung(inst, jawaban) {
    var balik = inst.skala.min + inst.skala.max;
    var dimensi = [], belum = [], jumlahSkor = 0, adaSkor = 0;
    inst.dimensi.forEach(function (d) {
      var total = 0, banyak = 0, terbalik = 0, semua = 0;
      inst.butir.forEach(function (b) {
        if (b.dimensi !== d.id) return;
        semua++;
        var x = nilai(inst, jawaban[b.id]);
        if (x === null) {
          belum.push(b.id);
          return;
        }
        if (b.terbalik) {
          total -= x;
          terbalik++;
        } else {
          total += x;
        }
        banyak++;
      });
      total += terbalik * balik;
      var s = cukup(banyak, semua, inst.minShare) ? bulatkan(total / banyak) : null;
      if (s !== null) {
        jumlahSkor += s;
        adaSkor++;
      }
      dimensi.push({ id: d.id, skor: s, pita: pita(inst, s), dijawab: banyak, semua: semua });
    });
    var k = cukup(adaSkor, inst.dimensi.length, inst.minShare)
      ? bulatkan(jumlahSkor / adaSkor) : null;
    return { dimensi: dimensi, keseluruhan: { skor: k, pita: pita(inst, k) }, belum: belum };
  }

  /* Dimensi dari yang paling perlu perhatian: skor terendah dulu (cek kendala: tertinggi dulu);
     skor kosong di akhir; skor sama mengikuti urutan instrumen (seperti scoring.ranked). */
  function urutkan(inst, hasil) {
    var tanda = inst.lebihTinggiLebihBaik ? 1 : -1;
    return hasil.dimensi.slice().sort(function (a, b) {
      if ((a.skor === null) !== (b.skor === null)) return a.skor === null ? 1 : -1;
      return a.skor === null ? 0 : tanda * a.skor - tanda * b.skor;
    });
  }

  /* Dimensi dengan skor yang paling perlu perhatian (seperti scoring.weakest). */
  function terlemah(inst, hasil, n) {
    return urutkan(inst, hasil).filter(function (r) { return r.skor !== null; }).slice(0, n);
  }

  A.skor = {
    bulatkan: bulatkan,
    pita: pita,
    nilai: nilai,
    hitung: hitung,
    urutkan: urutkan,
    terlemah: terlemah
  };
})(window.PanduanAlat = window.PanduanAlat || {});
