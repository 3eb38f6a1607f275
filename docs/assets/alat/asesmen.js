/* Alat asesmen di halaman panduan: formulir, hasil, grafik, riwayat, ekspor, impor, hapus.
   Skrip klasik (bukan modul) agar berjalan juga dari berkas (file://). Data: instrumen-<id>.js
   (dibuat dari YAML); aturan skor: skor.js; penyimpanan: riwayat.js.
   Kontrak markah (uji dan teknologi bantu): setiap butir adalah grup radio dengan name = id butir
   dan value = angka jawaban; setelah "Hitung", setiap baris .alat-skor tr membawa data-dimension
   (id dimensi atau "overall"), data-score (skor presisi penuh; kosong bila tidak ada) dan
   data-band (id pita). */
(function (A) {
  "use strict";
  var skrip = document.currentScript;
  var AKAR = (skrip && skrip.getAttribute("data-akar")) || ".";
  var FOLDER = !!skrip && skrip.getAttribute("data-folder") === "true";
  var FASE = { "": "Bukan bagian pelatihan", sebelum: "Sebelum pelatihan",
    sesudah: "Sesudah pelatihan (tindak lanjut)" };
  var bil = new Intl.NumberFormat("id-ID", { maximumFractionDigits: 2 });
  var bilTanda = new Intl.NumberFormat("id-ID", { maximumFractionDigits: 2,
    minimumFractionDigits: 2, signDisplay: "exceptZero" });
  var tgl = new Intl.DateTimeFormat("id-ID", { day: "numeric", month: "long", year: "numeric",
    timeZone: "UTC" });
  var urut = 0;

  /* -- alat bantu -- */

  function buat(e, atr, anak) {
    Object.keys(atr || {}).forEach(function (k) {
      var v = atr[k];
      if (k === "html") e.innerHTML = v;
      else if (k === "teks") e.textContent = v;
      else if (k === "klik") e.addEventListener("click", v);
      else if (v !== null && v !== undefined && v !== false) e.setAttribute(k, v === true ? "" : v);
    });
    tambah(e, anak);
    return e;
  }
  function el(tag, atr, anak) { return buat(document.createElement(tag), atr, anak); }
  function svg(tag, atr, anak) {
    return buat(document.createElementNS("http://www.w3.org/2000/svg", tag), atr, anak);
  }
  function tambah(e, anak) {
    (anak || []).forEach(function (c) {
      if (c || c === 0) e.appendChild(typeof c === "object" ? c : document.createTextNode(c));
    });
  }
  function idUnik(awal) { return "alat-" + awal + "-" + (++urut); }
  function polos(html) { return el("div", { html: html }).textContent; }
  function angka(x) { return x === null ? "–" : bil.format(x); }
  function tanggal(iso) { return tgl.format(new Date(iso + "T00:00:00Z")); }
  function hariIni() {
    var d = new Date(), dua = function (n) { return (n < 10 ? "0" : "") + n; };
    return d.getFullYear() + "-" + dua(d.getMonth() + 1) + "-" + dua(d.getDate());
  }
  function besarAwal(t) { return t.charAt(0).toUpperCase() + t.slice(1); }

  /* Alamat halaman panduan (<bagian>/<halaman>.md) pada build server maupun build berkas. */
  function alamat(halaman) {
    var b = halaman.split("#");
    var jalur = FOLDER ? b[0].replace(/(^|\/)index\.md$/, "$1").replace(/\.md$/, "/")
      : b[0].replace(/\.md$/, ".html");
    return AKAR + "/" + jalur + (b[1] ? "#" + b[1] : "");
  }
  function tautan(halaman, html) { return el("a", { href: alamat(halaman), html: html }); }

  function tombol(teks, klik, kelas) {
    return el("button", { type: "button", "class": "md-button " + (kelas || ""), klik: klik,
      teks: teks });
  }
  function pesan(wadah, isi, jenis) {
    wadah.textContent = "";
    wadah.className = "alat-pesan" + (jenis ? " alat-pesan--" + jenis : "");
    wadah.hidden = !isi;
    if (isi) tambah(wadah, [typeof isi === "string" ? el("p", { teks: isi }) : isi]);
  }
  function isian(label, input) {
    input.id = idUnik("isian");
    return el("p", { "class": "alat-isian" }, [el("label", { "for": input.id, teks: label }),
      input]);
  }
  function tabel(kelas, judul, kepala, baris, gulir) {
    return el("div", gulir ? { "class": "alat-gulir " + kelas, role: "region", tabindex: "0",
      "aria-label": judul } : { "class": "alat-gulir " + kelas }, [el("table", {}, [
      el("caption", { teks: judul }), el("thead", {}, [el("tr", {}, kepala.map(function (k) {
        return el("th", { scope: "col", teks: k });
      }))]), el("tbody", {}, baris)])]);
  }
  function unduh(nama, isi, jenis) {
    var url = URL.createObjectURL(new Blob([isi], { type: jenis }));
    var a = el("a", { href: url, download: nama, hidden: true });
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
  }

  /* -- satu alat di satu halaman -- */

  function Alat(wadah) {
    var self = this, inst = this.inst = A.instrumen[wadah.getAttribute("data-instrumen")];
    this.simpanan = new A.riwayat.Penyimpanan();
    this.diri = inst.lebihTinggiLebihBaik;
    this.kata = this.diri ? "dimensi" : "kendala";
    this.butir = {};
    var skala = [];
    for (var p = inst.skala.min; p <= inst.skala.max; p++) skala.push(p);
    var form = this.form = el("form", { "class": "alat-formulir", novalidate: true,
      "aria-labelledby": idUnik("isi") }, [
      el("h2", { id: "alat-isi-" + urut, teks: "Isi " + polos(inst.judul).toLowerCase() }),
      el("p", { html: inst.petunjuk }),
      el("p", { teks: "Skala: " + skala.map(function (p) {
        return p + " = " + polos(inst.skala.label[p] || "");
      }).join("; ") + "." })]);
    inst.dimensi.forEach(function (d, k) {
      var bagian = el("div", { "class": "alat-bagian" }, [el("h3", { html: "Bagian " + (k + 1) +
        " dari " + inst.dimensi.length + ": " + d.nama })]);
      inst.butir.forEach(function (b, n) {
        if (b.dimensi === d.id) bagian.appendChild(self.fieldset(b, n + 1, skala));
      });
      form.appendChild(bagian);
    });
    this.kemajuan = el("progress", { max: inst.butir.length, value: 0,
      "aria-label": "Butir yang sudah dijawab" });
    this.kemajuanTeks = el("span");
    this.pesanForm = el("div", { "class": "alat-pesan", role: "alert", tabindex: "-1",
      hidden: true });
    tambah(form, [el("div", { "class": "alat-kemajuan" }, [this.kemajuan, this.kemajuanTeks]),
      this.pesanForm, el("p", { "class": "alat-tombol" }, [el("button", { type: "submit",
        "class": "md-button md-button--primary", teks: "Hitung" }), " ",
      tombol("Hapus jawaban di formulir", function () { self.kosongkan(); })])]);
    form.addEventListener("change", function (e) {
      var b = self.butir[e.target.name];
      if (b) self.tandai(b, false);
      self.perbaruiKemajuan();
    });
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      self.hitung();
    });
    this.bagianHasil = el("section", { "class": "alat-hasil", hidden: true,
      "aria-labelledby": idUnik("hasil") });
    this.bagianRiwayat = el("section", { "class": "alat-riwayat",
      "aria-labelledby": idUnik("riwayat") });
    wadah.textContent = "";
    wadah.classList.add("alat--siap");
    tambah(wadah, [form, this.bagianHasil, this.bagianRiwayat]);
    this.perbaruiKemajuan();
    this.tampilkanRiwayat();
    window.addEventListener("storage", function (e) {
      if (e.key === A.riwayat.KUNCI || e.key === null) {
        self.simpanan.muat();
        self.tampilkanRiwayat();
      }
    });
  }
  var P = Alat.prototype;

  P.fieldset = function (b, nomor, skala) {
    var inst = this.inst, belum = el("p", { "class": "alat-belum-teks", hidden: true,
      teks: "Belum dijawab." });
    var f = el("fieldset", { "class": "alat-butir", id: "butir-" + b.id }, [
      el("legend", {}, [nomor + ". ", el("span", { html: b.teks })]),
      el("div", { "class": "alat-pilihan" }, skala.map(function (p) {
        return el("label", {}, [el("input", { type: "radio", name: b.id, value: p }),
          el("span", { "class": "alat-angka", teks: p }),
          el("span", { html: inst.skala.label[p] || "" })]);
      })), belum]);
    this.butir[b.id] = { f: f, belum: belum, nomor: nomor };
    return f;
  };

  P.tandai = function (b, ya) {
    b.f.classList.toggle("alat-belum", ya);
    b.belum.hidden = !ya;
  };

  P.jawaban = function () {
    var out = {};
    this.form.querySelectorAll("input:checked").forEach(function (r) {
      out[r.name] = Number(r.value);
    });
    return out;
  };

  P.perbaruiKemajuan = function () {
    var n = Object.keys(this.jawaban()).length;
    this.kemajuan.value = n;
    this.kemajuanTeks.textContent = n + " dari " + this.inst.butir.length + " butir dijawab";
  };

  P.kosongkan = function () {
    var self = this;
    this.form.reset();
    Object.keys(this.butir).forEach(function (id) { self.tandai(self.butir[id], false); });
    pesan(this.pesanForm, "");
    this.perbaruiKemajuan();
  };

  /* "Hitung": sebutkan butir yang belum dijawab, lalu hitung dengan aturan minShare. */
  P.hitung = function () {
    var self = this, jawaban = this.jawaban(), r = A.skor.hitung(this.inst, jawaban);
    r.belum.forEach(function (id) { self.tandai(self.butir[id], true); });
    if (!Object.keys(jawaban).length) {
      pesan(this.pesanForm, "Belum ada butir yang dijawab. Pilih satu jawaban pada setiap " +
        "pernyataan, lalu tekan Hitung.", "galat");
      this.pesanForm.focus();
      return;
    }
    var isi = el("p", {}, [r.belum.length + " butir belum dijawab: "]);
    r.belum.forEach(function (id, k) {
      tambah(isi, [k ? ", " : "", el("a", { href: "#butir-" + id,
        teks: "nomor " + self.butir[id].nomor })]);
    });
    tambah(isi, [". Skor " + this.kata + " tetap dihitung bila paling sedikit " +
      bil.format(this.inst.minShare * 100) + "% butirnya dijawab."]);
    pesan(this.pesanForm, r.belum.length ? isi : "", "peringatan");
    this.tampilkanHasil(jawaban, null, r);
    if (!r.belum.length) this.judulHasil.focus();
  };

  /* -- hasil -- */

  P.dim = function (id) {
    return this.inst.dimensi.filter(function (d) { return d.id === id; })[0];
  };

  P.tampilkanHasil = function (jawaban, tanggalSimpan, r) {
    var self = this, inst = this.inst, s = this.bagianHasil, kode = this.simpanan.data().kode;
    this.hasil = jawaban;
    s.textContent = "";
    s.hidden = false;
    document.body.classList.add("alat-ada-hasil");
    this.judulHasil = el("h2", { id: s.getAttribute("aria-labelledby"), tabindex: "-1",
      teks: tanggalSimpan ? "Hasil tersimpan: " + tanggal(tanggalSimpan) : "Hasil Anda" });
    var kosong = r.dimensi.filter(function (d) { return d.skor === null; });
    var baris = r.dimensi.map(function (d) {
      return [d.id, tautan(self.dim(d.id).halaman, self.dim(d.id).nama), d];
    }).concat([["overall", "Skor keseluruhan", r.keseluruhan]]);
    tambah(s, [el("p", { "class": "alat-kepala-cetak", teks: "Laporan pribadi · " +
      polos(inst.judul) + " · " + tanggal(tanggalSimpan || hariIni()) +
      (kode ? " · kode " + kode : "") }), this.judulHasil,
    kosong.length ? el("p", { "class": "alat-pesan alat-pesan--peringatan", teks: "Skor " +
      kosong.map(function (d) { return polos(self.dim(d.id).nama); }).join(", ") +
      " dikosongkan karena kurang dari " + bil.format(inst.minShare * 100) +
      "% butirnya dijawab." }) : null,
    tabel("alat-skor", "Skor setiap " + this.kata + " (skala " + inst.skala.min + "–" +
      inst.skala.max + ") dan pitanya", [besarAwal(this.kata), "Skor", "Pita"],
    baris.map(function (b) {
      var d = b[2];
      return el("tr", { "data-dimension": b[0], "data-score": d.skor === null ? "" :
        String(d.skor), "data-band": d.pita ? d.pita.id : "" }, [el("th", { scope: "row" },
        [b[1]]), el("td", { teks: d.skor === null ? "belum dapat dihitung" : angka(d.skor) }),
      el("td", { html: d.pita ? d.pita.label : "–" })]);
    })), this.grafikSkor(r), this.fokus(r),
    tanggalSimpan ? el("p", { "class": "alat-tombol" }, [tombol("Cetak laporan", cetak)])
      : this.formSimpan()]);
  };

  function cetak() { window.print(); }

  /* Grafik batang: satu batang per dimensi pada skala instrumen, dengan garis batas pita. */
  P.grafikSkor = function (r) {
    var self = this, inst = this.inst, lo = inst.skala.min, hi = inst.skala.max;
    var L = 400, B = 340, T = 40, atas = 26, judul = idUnik("grafik");
    var x = function (v) { return (B * (v - lo)) / (hi - lo); };
    var semua = r.dimensi.concat([{ id: "overall", skor: r.keseluruhan.skor }]);
    var tinggi = atas + semua.length * T + 4;
    var g = svg("svg", { viewBox: "0 0 " + L + " " + tinggi, role: "img",
      "aria-labelledby": judul, "class": "alat-svg" }, [svg("title", { id: judul,
      teks: "Grafik batang skor setiap " + this.kata + "; angkanya ada di tabel." })]);
    for (var v = lo; v <= hi; v++) {
      g.appendChild(svg("text", { x: Math.min(Math.max(x(v), 4), B - 4), y: 12,
        "class": "alat-sumbu", "text-anchor": "middle", teks: v }));
    }
    semua.forEach(function (d, k) {
      var y = atas + k * T, tebal = d.id === "overall" ? " alat-tebal" : "";
      tambah(g, [svg("text", { x: 0, y: y + 11, "class": "alat-label" + tebal,
        teks: tebal ? "Skor keseluruhan" : polos(self.dim(d.id).nama) }),
      svg("text", { x: L, y: y + 27, "text-anchor": "end", "class": "alat-label" + tebal,
        teks: d.skor === null ? "kosong" : angka(d.skor) }),
      svg("rect", { x: 0, y: y + 16, width: B, height: 14, rx: 2, "class": "alat-jalur" }),
      d.skor === null ? null : svg("rect", { x: 0, y: y + 16, width: Math.max(x(d.skor), 2),
        height: 14, rx: 2, "class": "alat-batang" })]);
    });
    inst.pita.slice(1).forEach(function (p) {
      g.appendChild(svg("line", { x1: x(p.min), x2: x(p.min), y1: atas + 12, y2: tinggi - 4,
        "class": "alat-batas" }));
    });
    return el("figure", { "class": "alat-grafik" }, [g, el("figcaption", {
      teks: "Garis putus-putus: batas pita " + inst.pita.slice(1).map(function (p) {
        return angka(p.min);
      }).join(", ") + ". Batang yang lebih panjang berarti " + (this.diri ? "perilaku itu " +
        "lebih sering Anda lakukan." : "kendala itu lebih terasa.") })]);
  };

  /* Tiga dimensi terlemah (asesmen diri) atau semua kendala dari yang terberat (cek kendala). */
  P.fokus = function (r) {
    var self = this;
    var daftar = this.diri ? A.skor.terlemah(this.inst, r, 3)
      : A.skor.terlemah(this.inst, r, this.inst.dimensi.length);
    return el("div", { "class": "alat-fokus" }, [el("h3", { teks: this.diri ? "Tiga dimensi " +
      "yang paling perlu dikembangkan" : "Kendala dari yang paling terasa" }),
    daftar.length ? el("ol", {}, daftar.map(function (d, k) {
      var dim = self.dim(d.id);
      var tindakan = (dim.tindakan || []).concat(d.pita.tindakan || []);
      return el("li", { "data-fokus": d.id, "data-urutan": k + 1 }, [
        el("h4", { html: dim.nama + " — " + angka(d.skor) + " (" + d.pita.label + ")" }),
        el("p", { html: d.pita.arti }),
        dim.uraian ? el("p", { html: dim.uraian }) : null,
        dim.strategi ? el("p", {}, [el("strong", { teks: "Strategi: " }),
          el("span", { html: dim.strategi })]) : null,
        el("ul", {}, tindakan.map(function (t) {
          return el("li", {}, [t.halaman ? tautan(t.halaman, t.teks) : el("span", { html: t.teks })]);
        })),
        el("p", {}, ["Halaman panduan: ", tautan(dim.halaman, dim.nama)])]);
    })) : el("p", { teks: "Belum ada " + this.kata + " dengan skor." })]);
  };

  P.formSimpan = function () {
    var self = this;
    var tanggalIsi = el("input", { type: "date", value: hariIni(), max: hariIni(),
      required: true });
    var fase = el("select", {}, Object.keys(FASE).map(function (f) {
      return el("option", { value: f, teks: FASE[f] });
    }));
    var info = el("div", { "class": "alat-pesan", role: "status", hidden: true });
    var simpan = tombol("Simpan ke riwayat", function () {
      var t = tanggalIsi.value;
      if (!A.riwayat.tanggalSah(t) || t > hariIni()) {
        pesan(info, "Tanggal pengisian belum diisi atau tidak sah. Pilih hari ini atau tanggal " +
          "sebelumnya.", "galat");
        return;
      }
      var tetap = self.simpanan.tambah({ id: A.riwayat.idBaru(), instrumen: self.inst.id,
        versi_instrumen: self.inst.versi, tanggal: t, disimpan: new Date().toISOString(),
        fase: fase.value || null, jawaban: self.hasil });
      simpan.disabled = true;
      pesan(info, tetap ? "Tersimpan di riwayat peramban ini (" + tanggal(t) + ")." :
        "Tersimpan untuk kunjungan ini saja, karena penyimpanan peramban tidak tersedia. Unduh " +
        "JSON di bagian Riwayat sebelum menutup halaman.", tetap ? "baik" : "peringatan");
      self.tampilkanRiwayat();
    }, "md-button--primary");
    return el("div", { "class": "alat-simpan" }, [el("h3", { teks: "Simpan dan cetak" }),
      el("p", { teks: "Bila Anda memindahkan jawaban dari formulir kertas, isi tanggal " +
        "pengisiannya." }),
      isian("Tanggal pengisian", tanggalIsi), isian("Kaitan dengan pelatihan", fase),
      el("p", { "class": "alat-tombol" }, [simpan, " ", tombol("Cetak laporan", cetak)]), info]);
  };

  /* -- riwayat -- */

  P.tampilkanRiwayat = function (kabar) {
    var self = this, inst = this.inst, s = this.bagianRiwayat, semua = this.simpanan.data();
    var daftar = semua.hasil.filter(function (h) { return h.instrumen === inst.id; })
      .sort(function (a, b) {
        var ka = a.tanggal + a.disimpan, kb = b.tanggal + b.disimpan;
        return ka < kb ? -1 : ka > kb ? 1 : 0;
      });
    var hitungan = daftar.map(function (h) { return A.skor.hitung(inst, h.jawaban); });
    var peringatan = {
      nonaktif: "Peramban ini tidak mengizinkan halaman menyimpan data (misalnya mode " +
        "penyamaran, pengaturan yang memblokir data situs, atau pembatasan saat panduan dibuka " +
        "dari berkas). Alat tetap dapat dipakai: hasil yang Anda simpan bertahan sampai halaman " +
        "ditutup atau dimuat ulang. Unduh JSON sebelum menutup halaman, lalu impor di peramban " +
        "yang mengizinkan penyimpanan.",
      penuh: "Penyimpanan peramban untuk situs ini penuh, jadi hasil baru hanya bertahan sampai " +
        "halaman ditutup. Hasil yang sudah tersimpan tetap ada. Unduh JSON sekarang; untuk " +
        "memberi ruang, hapus data situs lain di pengaturan peramban.",
      rusak: "Riwayat yang tersimpan di peramban ini tidak dapat dibaca, mungkin karena diubah " +
        "program lain. Riwayat itu tidak ditimpa. Alat tetap dapat dipakai untuk kunjungan ini; " +
        "untuk memulai riwayat baru, tekan Hapus semua data saya."
    }[this.simpanan.keadaan];
    s.textContent = "";
    tambah(s, [el("h2", { id: s.getAttribute("aria-labelledby"), teks: "Riwayat dan kemajuan" }),
      el("p", { teks: "Riwayat hanya tersimpan di peramban ini; tidak ada yang dikirim ke mana " +
        "pun." }),
      peringatan ? el("div", { "class": "alat-pesan alat-pesan--peringatan", role: "status",
        "data-penyimpanan": this.simpanan.keadaan }, [el("p", { teks: peringatan })]) : null,
      daftar.length ? this.tabelDaftar(daftar, hitungan) : el("p", { "class": "alat-kosong",
        teks: "Belum ada hasil " + polos(inst.judul).toLowerCase() + " yang tersimpan di " +
          "peramban ini." })]);
    if (daftar.length > 1) {
      tambah(s, [el("h3", { teks: "Kecenderungan per " + this.kata }),
        this.tren(daftar, hitungan)]);
    }
    s.appendChild(this.kelola(semua, kabar));
  };

  P.tabelDaftar = function (daftar, hitungan) {
    var self = this;
    return tabel("alat-daftar", "Hasil tersimpan (" + daftar.length + ")", ["Tanggal",
      "Kaitan dengan pelatihan", "Skor keseluruhan", "Pita", "Tindakan"],
    daftar.map(function (h, k) {
      var r = hitungan[k];
      return el("tr", { "data-hasil": h.id, "data-tanggal": h.tanggal }, [
        el("th", { scope: "row", teks: tanggal(h.tanggal) }), el("td", { teks: FASE[h.fase || ""] }),
        el("td", { teks: angka(r.keseluruhan.skor) }),
        el("td", { html: r.keseluruhan.pita ? r.keseluruhan.pita.label : "–" }),
        el("td", {}, [tombol("Lihat", function () {
          self.tampilkanHasil(h.jawaban, h.tanggal, r);
          self.judulHasil.focus();
        }, "alat-kecil")])]);
    }));
  };

  /* Kecenderungan: grafik kecil per dimensi dan tabel skor per tanggal dengan perubahan sejak
     hasil sebelumnya. */
  P.tren = function (daftar, hitungan) {
    var inst = this.inst, lo = inst.skala.min, hi = inst.skala.max, n = daftar.length;
    var L = 200, T = 84, kiri = 18, kanan = 8, atas = 8, bawah = 14, arah = this.diri ? 1 : -1;
    var x = function (k) { return kiri + ((L - kiri - kanan) * k) / (n - 1); };
    var y = function (v) { return atas + ((T - atas - bawah) * (hi - v)) / (hi - lo); };
    var baris = inst.dimensi.map(function (d, j) {
      return [d, hitungan.map(function (r) { return r.dimensi[j].skor; })];
    }).concat([[{ id: "overall", nama: "Skor keseluruhan" }, hitungan.map(function (r) {
      return r.keseluruhan.skor;
    })]]);
    var grafik = el("div", { "class": "alat-tren" }, baris.map(function (b) {
      var nama = polos(b[0].nama), ruas = [[]], titik = [];
      var g = svg("svg", { viewBox: "0 0 " + L + " " + T, role: "img", "class": "alat-svg",
        "data-tren": b[0].id, "aria-label": nama + ": " + b[1].map(function (v, k) {
          return angka(v) + " pada " + tanggal(daftar[k].tanggal);
        }).join("; ") });
      [lo, (lo + hi) / 2, hi].forEach(function (v) {
        tambah(g, [svg("line", { x1: kiri, x2: L - kanan, y1: y(v), y2: y(v),
          "class": "alat-kisi" }), svg("text", { x: 0, y: y(v) + 4, "class": "alat-sumbu",
          teks: angka(v) })]);
      });
      b[1].forEach(function (v, k) {
        if (v === null) return ruas.push([]);
        ruas[ruas.length - 1].push(x(k) + "," + y(v));
        titik.push(svg("circle", { cx: x(k), cy: y(v), r: 3, "class": "alat-titik" }));
      });
      ruas.forEach(function (r) {
        if (r.length > 1) g.appendChild(svg("polyline", { points: r.join(" "),
          "class": "alat-garis" }));
      });
      tambah(g, titik.concat([svg("text", { x: kiri, y: T - 2, "class": "alat-sumbu",
        teks: tanggal(daftar[0].tanggal) }), svg("text", { x: L - kanan, y: T - 2,
        "text-anchor": "end", "class": "alat-sumbu", teks: tanggal(daftar[n - 1].tanggal) })]));
      return el("figure", {}, [el("figcaption", { teks: nama }), g]);
    }));
    var isi = baris.map(function (b) {
      var a = b[1][n - 2], c = b[1][n - 1], beda = null, arti = "";
      if (a !== null && c !== null) {
        beda = A.skor.bulatkan(c - a);
        arti = beda === 0 ? "0 (tetap)" : bilTanda.format(beda) + (arah * beda > 0 ?
          " (lebih baik)" : " (lebih buruk)");
      }
      return el("tr", { "data-tren": b[0].id }, [el("th", { scope: "row" }, [b[0].halaman ?
        tautan(b[0].halaman, b[0].nama) : b[0].nama])].concat(b[1].map(function (v) {
        return el("td", { teks: angka(v) });
      }), [el("td", { "data-perubahan": beda === null ? "" : String(beda), teks: arti || "–" })]));
    });
    return el("div", {}, [grafik, tabel("alat-tren-tabel", "Skor pada setiap tanggal dan " +
      "perubahan sejak hasil sebelumnya", [besarAwal(this.kata)].concat(daftar.map(function (h) {
      return tanggal(h.tanggal);
    }), ["Perubahan sejak sebelumnya"]), isi, true)]);
  };

  /* Kode peserta, ekspor, impor, dan hapus semua. */
  P.kelola = function (semua, kabar) {
    var self = this, nama = "riwayat-asesmen-" + hariIni(), kosong = !semua.hasil.length;
    var info = el("div", { "class": "alat-pesan", role: "status", hidden: true });
    var kode = el("input", { type: "text", value: semua.kode || "", autocomplete: "off",
      spellcheck: "false", maxlength: 40 });
    var berkas = el("input", { type: "file", accept: ".json,.csv,application/json,text/csv" });
    berkas.addEventListener("change", function () {
      var f = berkas.files[0], baca = new FileReader();
      if (!f) return;
      baca.onload = function () { self.impor(f.name, String(baca.result), f.size); };
      baca.onerror = function () {
        self.tampilkanRiwayat(["Berkas \"" + f.name + "\" tidak dapat dibaca. Data yang sudah " +
          "tersimpan tidak berubah.", "galat"]);
      };
      baca.readAsText(f);
    });
    var hapus = tombol("Hapus semua data saya", function () {
      yakin.hidden = false;
      yakin.querySelector("button").focus();
    }, "alat-bahaya");
    var yakin = el("div", { "class": "alat-konfirmasi", hidden: true }, [
      el("p", { teks: "Ini menghapus " + semua.hasil.length + " hasil (asesmen diri dan cek " +
        "kendala) beserta kode peserta dari peramban ini. Berkas yang sudah Anda unduh tidak " +
        "ikut terhapus. Lanjutkan?" }),
      el("p", { "class": "alat-tombol" }, [tombol("Ya, hapus semua", function () {
        self.simpanan.hapusSemua();
        self.tampilkanRiwayat(["Semua data Anda di peramban ini sudah dihapus.", "baik"]);
      }, "alat-bahaya"), " ", tombol("Batal", function () {
        yakin.hidden = true;
        hapus.focus();
      })])]);
    var ekspor = function (teks, akhiran, jenis, buatIsi) {
      return el("button", { type: "button", "class": "md-button", disabled: kosong, teks: teks,
        klik: function () { unduh(nama + akhiran, buatIsi(self.simpanan.data()), jenis); } });
    };
    if (kabar) pesan(info, kabar[0], kabar[1]);
    return el("div", { "class": "alat-kelola" }, [
      el("h3", { teks: "Pindahkan atau hapus data Anda" }),
      el("div", { "class": "alat-kode" }, [isian("Kode peserta untuk lokakarya (boleh kosong)",
        kode), tombol("Simpan kode", function () {
        try {
          var k = A.riwayat.kodeSah(kode.value);
          self.simpanan.aturKode(k);
          self.tampilkanRiwayat([k ? "Kode peserta " + k + " disimpan." : "Kode peserta dihapus.",
            "baik"]);
        } catch (e) {
          if (!(e instanceof A.riwayat.Galat)) throw e;
          pesan(info, besarAwal(e.message), "galat");
        }
      }, "alat-kecil")]),
      el("p", { "class": "alat-tombol" }, [
        ekspor("Unduh JSON", ".json", "application/json", function (d) {
          return A.riwayat.keJson(d, new Date());
        }), " ", ekspor("Unduh CSV", ".csv", "text/csv;charset=utf-8", A.riwayat.keCsv)]),
      isian("Impor berkas riwayat (JSON atau CSV)", berkas),
      el("p", { "class": "alat-tombol" }, [hapus]), yakin, info]);
  };

  P.impor = function (nama, teks, ukuran) {
    var d;
    try {
      d = A.riwayat.impor(nama, teks, ukuran);
    } catch (e) {
      if (!(e instanceof A.riwayat.Galat)) throw e;
      return this.tampilkanRiwayat([e.message, "galat"]);
    }
    var h = this.simpanan.gabung(d), kata = ["Berkas \"" + nama + "\": " + h.baru +
      " hasil ditambahkan"];
    if (h.ada) kata.push(h.ada + " hasil sudah ada");
    if (h.beda) kata.push(h.beda + " hasil dengan pengenal yang sama tetapi isi berbeda tidak diubah");
    if (h.kodeLain) kata.push("kode peserta " + d.kode + " di berkas tidak menggantikan kode Anda");
    this.tampilkanRiwayat([kata.join("; ") + (h.tersimpan ? "." : ". Hasilnya hanya tersedia " +
      "selama halaman ini terbuka."), h.tersimpan ? "baik" : "peringatan"]);
  };

  A.Alat = Alat;
  A.alamat = alamat;

  function mulai() {
    document.querySelectorAll(".alat[data-instrumen]").forEach(function (w) {
      if (A.instrumen && A.instrumen[w.getAttribute("data-instrumen")]) w.alat = new Alat(w);
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mulai);
  else mulai();
})(window.PanduanAlat = window.PanduanAlat || {});
