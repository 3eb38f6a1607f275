/* Riwayat pembaca: hanya di peramban ini (localStorage); ekspor JSON/CSV, impor yang diperiksa,
   hapus. Tidak ada yang dikirim ke mana pun. Bentuk berkasnya: alat/asesmen-diri.md ("Riwayat
   dan berkas ekspor"); berkas yang sama dibaca `selfassess score` dan rekap pelatih. */
(function (A) {
  "use strict";
  var FORMAT = "panduan-coaching-asn/riwayat", KUNCI = "panduan-coaching-asn.riwayat", VERSI = 1;
  var ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, KODE = /^[A-Za-z0-9][A-Za-z0-9._-]{1,39}$/;
  var FASE = { "": null, sebelum: "sebelum", sesudah: "sesudah" };
  var KOLOM = ["kode_peserta", "id_hasil", "instrumen", "versi_instrumen", "tanggal", "disimpan",
    "fase"];
  var BUKAN = "bukan ekspor riwayat dari panduan ini. Pilih berkas yang dibuat dengan tombol " +
    "Unduh JSON atau Unduh CSV.";

  function Galat(pesan) { this.message = pesan; }
  function gagal(pesan) { throw new Galat(pesan); }
  function data(kode, hasil) { return { format: FORMAT, versi: VERSI, kode: kode, hasil: hasil }; }

  /* keadaan: "ada" (bisa baca-tulis), "penuh" (tak bisa menulis), "nonaktif" (dilarang: mode
     pribadi, pengaturan situs, file://), "rusak" (isinya tak terbaca; tidak pernah ditimpa).
     Selain "ada", hasil baru disimpan di memori sampai halaman ditutup. */
  function Penyimpanan() {
    var s = null;
    this.memori = data(null, []);
    this.keadaan = "ada";
    try {
      s = window.localStorage;
      s.setItem(KUNCI + ".uji", "1");
      s.removeItem(KUNCI + ".uji");
    } catch (e) {
      this.keadaan = s && e && (e.name === "QuotaExceededError" || e.code === 22) ? "penuh"
        : "nonaktif";
    }
    this.s = this.keadaan === "nonaktif" ? null : s;
    this.muat();
  }
  var P = Penyimpanan.prototype;

  P.muat = function () {
    this.tersimpan = data(null, []);
    if (!this.s) return;
    try {
      var teks = this.s.getItem(KUNCI);
      if (teks !== null) this.tersimpan = periksa(JSON.parse(teks));
      if (this.keadaan === "rusak") this.keadaan = "ada";
    } catch (e) {
      this.keadaan = "rusak";
    }
  };

  /* Yang tersimpan di peramban ditambah yang hanya ada di memori. */
  P.data = function () {
    return data(this.tersimpan.kode || this.memori.kode,
      this.tersimpan.hasil.concat(this.memori.hasil));
  };

  /* ubah(data) dipakai atas data terbaru (tab lain mungkin sudah menambah hasil). Hasilnya true
     bila tersimpan di peramban, false bila hanya di memori. */
  P.ubah = function (ubah) {
    if (this.s && this.keadaan !== "nonaktif") {
      this.muat();
      if (this.keadaan !== "rusak") {
        var baru = ubah(this.tersimpan);
        try {
          this.s.setItem(KUNCI, JSON.stringify(baru));
          this.tersimpan = baru;
          this.keadaan = "ada";
          return true;
        } catch (e) {
          this.keadaan = "penuh";
        }
      }
    }
    this.memori = ubah(this.memori);
    return false;
  };

  P.tambah = function (h) {
    return this.ubah(function (d) { return data(d.kode, d.hasil.concat([h])); });
  };

  P.aturKode = function (kode) {
    return this.ubah(function (d) { return data(kode, d.hasil); });
  };

  P.hapusSemua = function () {
    this.memori = data(null, []);
    this.tersimpan = data(null, []);
    try {
      if (this.s) this.s.removeItem(KUNCI);
      if (this.keadaan === "rusak") this.keadaan = "ada";
    } catch (e) { /* tidak ada yang dapat dihapus */ }
  };

  /* Hasil impor yang belum ada ditambahkan; yang sudah ada (id sama) dibiarkan. */
  P.gabung = function (impor) {
    var n;
    var tetap = this.ubah(function (d) {
      var ada = {}, baru = [];
      n = { baru: 0, ada: 0, beda: 0, kodeLain: !!(d.kode && impor.kode && d.kode !== impor.kode) };
      d.hasil.forEach(function (h) { ada[h.id] = JSON.stringify(h); });
      impor.hasil.forEach(function (h) {
        var teks = JSON.stringify(h);
        if (!(h.id in ada)) {
          baru.push(h);
          ada[h.id] = teks;
          n.baru++;
        } else n[ada[h.id] === teks ? "ada" : "beda"]++;
      });
      return data(d.kode || impor.kode, d.hasil.concat(baru));
    });
    n.tersimpan = tetap;
    return n;
  };

  /* -- pemeriksaan -- */

  function tanggalSah(t) {
    return typeof t === "string" && /^\d{4}-\d{2}-\d{2}$/.test(t) &&
      !isNaN(new Date(t + "T00:00:00Z")) && new Date(t + "T00:00:00Z").toISOString()
      .slice(0, 10) === t;
  }

  /* Kode peserta dengan aturan store.normalise_code; null bila kosong. */
  function kodeSah(kode) {
    var t = kode === null || kode === undefined ? "" : String(kode).trim();
    if (!t) return null;
    if (/^\d{15,}$/.test(t)) {
      gagal("kode peserta tampak seperti NIP atau NIK. Demi privasi, pilih kode tanpa nomor " +
        "pribadi, misalnya MAWAR-12.");
    }
    if (!KODE.test(t)) {
      gagal("kode peserta hanya boleh berisi 2-40 huruf, angka, titik, tanda hubung, atau " +
        "garis bawah, dan diawali huruf atau angka, misalnya MAWAR-12.");
    }
    return t.toUpperCase();
  }

  function periksaHasil(h, ke) {
    var dari = "hasil ke-" + ke + ": ";
    if (!h || typeof h !== "object") gagal(dari + "bukan data hasil.");
    if (typeof h.id !== "string" || !ID.test(h.id)) gagal(dari + "pengenal (id) tidak sah.");
    var inst = A.instrumen[h.instrumen];
    if (!inst) gagal(dari + "instrumen \"" + h.instrumen + "\" tidak dikenal panduan ini.");
    if (!tanggalSah(h.tanggal)) {
      gagal(dari + "tanggal \"" + h.tanggal + "\" tidak sah; tulis tahun-bulan-tanggal, " +
        "misalnya 2025-01-31.");
    }
    var fase = h.fase === undefined || h.fase === null ? "" : h.fase;
    if (!FASE.hasOwnProperty(fase)) {
      gagal(dari + "fase \"" + h.fase + "\" tidak dikenal; yang sah: sebelum, sesudah, atau kosong.");
    }
    if (!h.jawaban || typeof h.jawaban !== "object") gagal(dari + "jawaban tidak ada.");
    var butir = {}, jawaban = {};
    inst.butir.forEach(function (b) { butir[b.id] = 1; });
    Object.keys(h.jawaban).forEach(function (id) {
      var x = h.jawaban[id];
      if (!butir[id]) gagal(dari + "\"" + id + "\" bukan butir instrumen " + inst.id + ".");
      if (x === null || x === "") return;
      if (A.skor.nilai(inst, x) === null) {
        gagal(dari + "jawaban butir " + id + " (" + JSON.stringify(x) + ") bukan angka " +
          inst.skala.min + "-" + inst.skala.max + ".");
      }
      jawaban[id] = x;
    });
    var versi = h.versi_instrumen === undefined ? inst.versi : h.versi_instrumen;
    if (typeof versi !== "number" || versi % 1) gagal(dari + "versi instrumen tidak sah.");
    return {
      id: h.id, instrumen: inst.id, versi_instrumen: versi, tanggal: h.tanggal,
      disimpan: typeof h.disimpan === "string" && !isNaN(Date.parse(h.disimpan)) ? h.disimpan
        : h.tanggal + "T00:00:00.000Z",
      fase: FASE[fase], jawaban: jawaban
    };
  }

  /* Seluruh isi berkas atau penyimpanan, diperiksa; Galat bila ada yang tidak sah. */
  function periksa(d) {
    if (!d || typeof d !== "object" || d.format !== FORMAT) gagal("isinya " + BUKAN);
    if (d.versi !== VERSI) {
      gagal("berkas memakai bentuk versi " + d.versi + ", sedangkan halaman ini membaca versi " +
        VERSI + ".");
    }
    if (!Array.isArray(d.hasil)) gagal("daftar hasil tidak ada atau rusak.");
    var lihat = {};
    return data(kodeSah(d.kode), d.hasil.map(function (h, i) {
      var sah = periksaHasil(h, i + 1);
      if (lihat[sah.id]) gagal("hasil ke-" + (i + 1) + ": pengenal " + sah.id + " ganda.");
      lihat[sah.id] = 1;
      return sah;
    }));
  }

  /* -- CSV -- */

  function kolomSkor() {
    var dim = [], butir = [];
    Object.keys(A.instrumen).forEach(function (k) {
      A.instrumen[k].butir.forEach(function (b) { butir.push(b.id); });
      A.instrumen[k].dimensi.forEach(function (d) { dim.push(d.id); });
    });
    return { butir: butir, dim: dim.concat(["overall"]) };
  }

  function sel(v) {
    var t = v === null || v === undefined ? "" : String(v);
    return /[\x22,;\r\n]/.test(t) ? "\"" + t.replace(/\x22/g, "\"\"") + "\"" : t;
  }

  /* Baris-baris CSV (RFC 4180; pemisah koma, atau titik koma bila lembar kerja menyimpannya). */
  function bacaCsv(teks) {
    var kepala = teks.split(/\r?\n/)[0];
    var pisah = (kepala.match(/;/g) || []).length > (kepala.match(/,/g) || []).length ? ";" : ",";
    var baris = [], isi = [], kini = "", kutip = false;
    for (var i = 0; i < teks.length; i++) {
      var c = teks[i];
      if (kutip) {
        if (c === "\"" && teks[i + 1] === "\"") { kini += c; i++; }
        else if (c === "\"") kutip = false;
        else kini += c;
      } else if (c === "\"") kutip = true;
      else if (c === pisah) { isi.push(kini); kini = ""; }
      else if (c === "\n" || c === "\r") {
        if (c === "\r" && teks[i + 1] === "\n") i++;
        isi.push(kini);
        baris.push(isi);
        isi = [];
        kini = "";
      } else kini += c;
    }
    if (kutip) gagal("tanda petik tidak ditutup; berkas CSV terpotong atau rusak.");
    if (kini || isi.length) baris.push(isi.concat([kini]));
    return baris.filter(function (b) { return b.join(""); });
  }

  function dariCsv(teks) {
    var baris = bacaCsv(teks), kode = null;
    var kepala = (baris[0] || []).map(function (k) { return k.trim(); });
    if (KOLOM.some(function (k) { return kepala.indexOf(k) < 0; })) gagal("isinya " + BUKAN);
    var hasil = baris.slice(1).map(function (b, n) {
      if (b.length !== kepala.length) {
        gagal("baris " + (n + 2) + " berisi " + b.length + " kolom, seharusnya " + kepala.length +
          ".");
      }
      var r = {}, jawaban = {}, inst;
      kepala.forEach(function (k, j) { r[k] = b[j].trim(); });
      kode = kode || r.kode_peserta || null;
      inst = A.instrumen[r.instrumen];
      (inst ? inst.butir : []).forEach(function (bt) {
        var t = r[bt.id];
        if (t) jawaban[bt.id] = /^\d+$/.test(t) ? Number(t) : t;
      });
      return {
        id: r.id_hasil, instrumen: r.instrumen, versi_instrumen: Number(r.versi_instrumen),
        tanggal: r.tanggal, disimpan: r.disimpan, fase: r.fase || null, jawaban: jawaban
      };
    });
    return data(kode, hasil);
  }

  /* -- ekspor dan impor -- */

  function skorHasil(h) {
    var r = A.skor.hitung(A.instrumen[h.instrumen], h.jawaban), skor = {}, pita = {};
    r.dimensi.concat([{ id: "overall", skor: r.keseluruhan.skor, pita: r.keseluruhan.pita }])
      .forEach(function (d) {
        skor[d.id] = d.skor;
        pita[d.id] = d.pita ? d.pita.id : null;
      });
    return { skor: skor, pita: pita };
  }

  function keJson(d, kini) {
    return JSON.stringify({
      format: FORMAT, versi: VERSI, diekspor: kini.toISOString(), kode: d.kode,
      hasil: d.hasil.map(function (h) {
        var s = skorHasil(h), out = JSON.parse(JSON.stringify(h));
        out.skor = s.skor;
        out.pita = s.pita;
        return out;
      })
    }, null, 1);
  }

  function keCsv(d) {
    var k = kolomSkor();
    var pra = function (p) { return k.dim.map(function (x) { return p + x; }); };
    var baris = [KOLOM.concat(k.butir, pra("skor_"), pra("pita_")).join(",")];
    d.hasil.forEach(function (h) {
      var s = skorHasil(h);
      baris.push([d.kode, h.id, h.instrumen, h.versi_instrumen, h.tanggal, h.disimpan, h.fase]
        .concat(k.butir.map(function (b) { return h.jawaban[b]; }),
          k.dim.map(function (x) { return s.skor[x]; }), k.dim.map(function (x) {
            return s.pita[x];
          })).map(sel).join(","));
    });
    return "\ufeff" + baris.join("\r\n") + "\r\n";
  }

  /* Isi berkas → data yang sudah diperiksa, atau Galat yang menyebut nama berkasnya. */
  function impor(nama, teks, ukuran) {
    try {
      if (ukuran > 2097152) gagal("terlalu besar untuk sebuah ekspor riwayat; " + BUKAN);
      teks = teks.replace(/^\ufeff/, "");
      var d;
      if (/^\s*[[{]/.test(teks)) {
        try {
          d = JSON.parse(teks);
        } catch (e) {
          gagal("rusak atau terpotong: isinya bukan JSON yang utuh. Ekspor ulang dari peramban " +
            "asalnya, lalu impor berkas yang baru.");
        }
      } else if (/^\s*kode_peserta[,;]/.test(teks)) {
        d = dariCsv(teks);
      } else gagal("isinya " + BUKAN);
      d = periksa(d);
      if (!d.hasil.length) gagal("tidak berisi satu hasil pun.");
      return d;
    } catch (e) {
      if (e instanceof Galat) {
        gagal("Berkas \"" + nama + "\": " + e.message + " Data yang sudah tersimpan tidak berubah.");
      }
      throw e;
    }
  }

  function idBaru() {
    var acak = new Uint32Array(2);
    window.crypto.getRandomValues(acak);
    return "h" + Date.now().toString(36) + "-" + acak[0].toString(36) + acak[1].toString(36);
  }

  A.riwayat = {
    KUNCI: KUNCI, Galat: Galat, Penyimpanan: Penyimpanan, kodeSah: kodeSah,
    tanggalSah: tanggalSah, impor: impor, keJson: keJson, keCsv: keCsv, idBaru: idBaru
  };
})(window.PanduanAlat = window.PanduanAlat || {});
