/*
 * Pencarian panduan dalam bahasa Indonesia: mesin dan tampilan hasil.
 *
 * Kotak pencarian di kepala halaman memakai tampilan Material (kelas md-search...), tetapi mesin
 * pencariannya milik panduan ini: kata dipotong ke kata dasarnya (Sastrawi), sinonim dari
 * scripts/pencarian/sinonim.yaml ikut dicari, judul dan subjudul lebih berbobot, judul kotak templat
 * (Latihan, Jawaban, ...) tidak diindeks, kata terakhir dicocokkan sebagai awalan selama Anda
 * mengetik, dan satu salah ketik masih ditemukan.
 *
 * Berkas ini, stemmer (assets/js/sastrawi.js) dan indeks (search/indeks-pencarian.js, dibangun oleh
 * scripts/indeks_pencarian.py) baru dimuat oleh assets/js/pencarian.js ketika pembaca membuka
 * pencarian, sebagai <script>, sehingga juga berjalan dari folder bersama (file://). Tidak ada
 * permintaan ke host lain.
 */
(function () {
  "use strict";

  /* Sama dengan TOKEN di scripts/indeks_pencarian.py (tes peramban membandingkan keduanya). */
  var TOKEN = /[0-9a-z\u00c0-\u024f]+(?:-[0-9a-z\u00c0-\u024f]+)*/g;
  var LETTER = "0-9a-z\u00c0-\u024f";
  var W_TITLE = 6, W_HEADING = 4, W_LABEL = 2, K1 = 1.2, B = 0.75;
  var W_PREFIX = 0.7, W_TYPO = 0.5, W_SYNONYM = 0.8, W_PARTS = 0.8;
  var MAX_PAGES = 12, MAX_SECTIONS = 3;

  function normalize(text) {
    return text.normalize("NFC").toLowerCase().replace(/\u2019/g, "'").replace(/\u2011/g, "-");
  }
  function tokenize(text) {
    return normalize(text).match(TOKEN) || [];
  }

  /* ── Analisis: sama dengan terms() di scripts/indeks_pencarian.py ─────────────────────────── */

  function Analyzer(index, stemmer) {
    this.whole = new Set(index.utuh);
    this.common = new Set(index.umum);
    this.forms = index.bentuk;
    this.stemmer = stemmer;
  }
  /** Kata dasar satu token: hasil Python bila kata itu ada di panduan, selain itu Sastrawi JS. */
  Analyzer.prototype.root = function (token) {
    if (Object.prototype.hasOwnProperty.call(this.forms, token)) return this.forms[token];
    return this.stemmer ? this.stemmer.stemWord(token) : token;
  };
  Analyzer.prototype.terms = function (token, root) {
    root = root || this.root.bind(this);
    if (this.common.has(token)) return [];
    if (this.whole.has(token)) return [token];
    var base = root(token);
    var out = [base];
    if (base.indexOf("-") !== -1) {
      var parts = token.split("-");
      for (var i = 0; i < parts.length; i++) {
        var part = parts[i];
        if (part.length > 1 && !this.common.has(part)) {
          out.push(this.whole.has(part) ? part : root(part));
        }
      }
    }
    return out;
  };
  Analyzer.prototype.analyze = function (text, root) {
    var self = this, out = [];
    tokenize(text).forEach(function (tok) {
      self.terms(tok, root).forEach(function (t) { out.push(t); });
    });
    return out;
  };

  /* ── Indeks di memori ─────────────────────────────────────────────────────────────────────── */

  function Engine(index, stemmer) {
    var self = this;
    this.index = index;
    this.analyzer = new Analyzer(index, stemmer);
    var docRoot = function (tok) {
      return Object.prototype.hasOwnProperty.call(index.bentuk, tok) ? index.bentuk[tok] : tok;
    };
    this.pages = index.halaman;
    this.docs = [];
    this.postings = new Map(); // term -> [doc ids]
    this.surface = new Map(); // term -> Set of word forms (for highlighting)
    var vocab = new Set();
    var totalLength = 0;
    index.bagian.forEach(function (row, id) {
      var page = self.pages[row[0]];
      var doc = {
        id: id, page: row[0], anchor: row[1], heading: row[2], labels: row[3], body: row[4],
        tf: new Map(), boost: new Map(), length: 0
      };
      var add = function (text, weight) {
        tokenize(text).forEach(function (tok) {
          vocab.add(tok);
          self.analyzer.terms(tok, docRoot).forEach(function (term) {
            if (!self.surface.has(term)) self.surface.set(term, new Set());
            self.surface.get(term).add(tok);
            if (weight) {
              doc.boost.set(term, Math.max(doc.boost.get(term) || 0, weight));
            } else {
              doc.tf.set(term, (doc.tf.get(term) || 0) + 1);
              doc.length += 1;
            }
          });
        });
      };
      add(page[1], W_TITLE);
      if (doc.heading) add(doc.heading, W_HEADING / row[5]);
      if (doc.labels) add(doc.labels, W_LABEL);
      add(doc.body, 0);
      totalLength += doc.length;
      var seen = new Set();
      doc.tf.forEach(function (_, t) { seen.add(t); });
      doc.boost.forEach(function (_, t) { seen.add(t); });
      seen.forEach(function (t) {
        if (!self.postings.has(t)) self.postings.set(t, []);
        self.postings.get(t).push(id);
      });
      doc.text = normalize([page[1], doc.heading, doc.labels, doc.body].join(" "));
      self.docs.push(doc);
    });
    this.avgLength = totalLength / Math.max(1, this.docs.length);
    this.vocab = Array.from(vocab).sort();
    this.synonyms = index.sinonim;
  }

  Engine.prototype.idf = function (term) {
    var list = this.postings.get(term);
    if (!list) return 0;
    var n = this.docs.length, df = list.length;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  };
  Engine.prototype.termScore = function (doc, term) {
    var tf = doc.tf.get(term) || 0, boost = doc.boost.get(term) || 0;
    if (!tf && !boost) return 0;
    var norm = tf ? ((K1 + 1) * tf) / (tf + K1 * (1 - B + (B * doc.length) / this.avgLength)) : 0;
    return this.idf(term) * (boost + norm);
  };

  function withinOneEdit(a, b) {
    if (a === b) return false;
    var la = a.length, lb = b.length;
    if (Math.abs(la - lb) > 1) return false;
    if (la === lb) {
      var diff = [];
      for (var i = 0; i < la; i++) if (a[i] !== b[i]) diff.push(i);
      if (diff.length === 1) return true;
      return diff.length === 2 && diff[1] === diff[0] + 1 &&
        a[diff[0]] === b[diff[1]] && a[diff[1]] === b[diff[0]];
    }
    var s = la < lb ? a : b, l = la < lb ? b : a, j = 0, k = 0, skipped = false;
    while (j < s.length && k < l.length) {
      if (s[j] === l[k]) { j++; k++; continue; }
      if (skipped) return false;
      skipped = true; k++;
    }
    return true;
  }

  /** Kata di kosakata panduan yang berawalan `prefix` (terurut, paling banyak `limit`). */
  Engine.prototype.withPrefix = function (prefix, limit) {
    var lo = 0, hi = this.vocab.length;
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (this.vocab[mid] < prefix) lo = mid + 1; else hi = mid;
    }
    var out = [];
    for (var i = lo; i < this.vocab.length && out.length < limit; i++) {
      if (this.vocab[i].indexOf(prefix) !== 0) break;
      if (this.vocab[i] !== prefix) out.push(this.vocab[i]);
    }
    return out;
  };

  /**
   * Kueri → slot. Setiap slot adalah satu kata (atau satu frasa sinonim) dengan pilihan
   * {terms, w}: sebuah bagian cocok dengan pilihan itu bila memuat semua term-nya.
   */
  Engine.prototype.parse = function (query) {
    var self = this, an = this.analyzer;
    var tokens = tokenize(query);
    var typing = tokens.length > 0 && !/\s$/.test(query);
    var content = tokens.filter(function (t) { return !an.common.has(t); });
    if (!content.length) content = tokens;
    var slots = content.map(function (tok, i) {
      var alts = [];
      var push = function (terms, w) {
        terms = terms.filter(function (t) { return self.postings.has(t); });
        if (terms.length) alts.push({ terms: terms, w: w });
      };
      var terms = an.common.has(tok) ? [tok] : an.terms(tok);
      var base = terms[0] || tok;
      push([base], 1);
      if (terms.length > 1) push(terms.slice(1), W_PARTS);
      if (base !== tok) push([tok], 1);
      var exact = alts.length > 0;
      var last = i === content.length - 1;
      if (last && typing && tok.length >= 2) {
        self.withPrefix(tok, 60).forEach(function (form) {
          an.terms(form).forEach(function (t) { push([t], W_PREFIX); });
        });
      }
      if (!exact && alts.length === 0 && tok.length >= 4) {
        self.vocab.forEach(function (form) {
          if (withinOneEdit(tok, form)) {
            an.terms(form).forEach(function (t) { push([t], W_TYPO); });
          }
        });
      }
      return { base: base, alts: alts, tokens: [tok] };
    });
    return this.applySynonyms(slots);
  };

  /** Frasa sinonim yang muncul berurutan di kueri menjadi satu slot dengan frasa setaranya. */
  Engine.prototype.applySynonyms = function (slots) {
    var self = this;
    var bases = slots.map(function (s) { return s.base; });
    for (var g = 0; g < this.synonyms.length; g++) {
      var group = this.synonyms[g];
      for (var p = 0; p < group.length; p++) {
        var phrase = group[p];
        for (var start = 0; start + phrase.length <= bases.length; start++) {
          var same = phrase.every(function (t, k) { return bases[start + k] === t; });
          if (!same) continue;
          var alts = [{ terms: phrase.slice(), w: 1 }];
          group.forEach(function (other, q) {
            if (q === p) return;
            var known = other.every(function (t) { return self.postings.has(t); });
            if (known) alts.push({ terms: other.slice(), w: W_SYNONYM });
          });
          var merged = slots.slice(start, start + phrase.length);
          merged.forEach(function (s) {
            if (s.alts.length && phrase.length === 1) alts = alts.concat(s.alts.slice(1));
          });
          var slot = {
            base: phrase.join(" "), alts: alts,
            tokens: merged.reduce(function (a, s) { return a.concat(s.tokens); }, [])
          };
          slots = slots.slice(0, start).concat([slot], slots.slice(start + phrase.length));
          bases = slots.map(function (s) { return s.base; });
          break;
        }
      }
    }
    return slots;
  };

  /** Halaman yang cocok, terbaik dahulu: [{page, score, sections: [{doc, score, terms}]}]. */
  Engine.prototype.search = function (query) {
    var self = this;
    var all = this.parse(query);
    var slots = all.filter(function (s) { return s.alts.length; });
    var total = all.length;
    if (!slots.length) return [];
    var candidates = new Set();
    slots.forEach(function (slot) {
      slot.alts.forEach(function (alt) {
        (self.postings.get(alt.terms[0]) || []).forEach(function (id) { candidates.add(id); });
      });
    });
    var phrase = tokenize(query).join(" ");
    var scored = [];
    candidates.forEach(function (id) {
      var doc = self.docs[id], score = 0, matched = 0, used = [];
      slots.forEach(function (slot) {
        var best = 0, bestTerms = null;
        slot.alts.forEach(function (alt) {
          var s = 0;
          for (var i = 0; i < alt.terms.length; i++) {
            var ts = self.termScore(doc, alt.terms[i]);
            if (!ts) return;
            s += ts;
          }
          // Frasa pengganti yang lebih panjang tidak boleh menang hanya karena katanya lebih banyak.
          s *= alt.w * slot.tokens.length / Math.max(slot.tokens.length, alt.terms.length);
          if (s > best) { best = s; bestTerms = alt.terms; }
        });
        if (best > 0) { score += best; matched += 1; used = used.concat(bestTerms); }
      });
      if (!matched) return;
      var coverage = matched / total;
      score *= coverage * coverage;
      if (tokenize(query).length > 1 && doc.text.indexOf(phrase) !== -1) score *= 1.3;
      scored.push({ doc: doc, score: score, terms: used });
    });
    var byPage = new Map();
    scored.forEach(function (hit) {
      if (!byPage.has(hit.doc.page)) byPage.set(hit.doc.page, []);
      byPage.get(hit.doc.page).push(hit);
    });
    var pages = [];
    byPage.forEach(function (hits, page) {
      hits.sort(function (a, b) { return b.score - a.score || a.doc.id - b.doc.id; });
      var score = hits[0].score + 0.3 * ((hits[1] ? hits[1].score : 0) + (hits[2] ? hits[2].score : 0));
      pages.push({ page: page, score: score, sections: hits.slice(0, MAX_SECTIONS) });
    });
    pages.sort(function (a, b) { return b.score - a.score || a.page - b.page; });
    return pages;
  };

  /** Kata yang disorot untuk sebuah hasil: semua bentuk kata dari term yang cocok. */
  Engine.prototype.highlighter = function (terms) {
    var self = this, words = new Set();
    terms.forEach(function (t) {
      (self.surface.get(t) || new Set()).forEach(function (w) { words.add(w); });
    });
    if (!words.size) return null;
    var list = Array.from(words).sort(function (a, b) { return b.length - a.length; })
      .map(function (w) { return w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); });
    return new RegExp("(^|[^" + LETTER + "])(" + list.join("|") + ")(?![" + LETTER + "])", "gi");
  };

  /* ── Tampilan ─────────────────────────────────────────────────────────────────────────────── */

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    (children || []).forEach(function (c) {
      node.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
    });
    return node;
  }

  /** Teks dengan kata yang cocok dibungkus <mark> (sebagai simpul DOM, bukan HTML). */
  function marked(text, re) {
    var frag = document.createDocumentFragment();
    if (!re) { frag.appendChild(document.createTextNode(text)); return frag; }
    var last = 0, m;
    re.lastIndex = 0;
    while ((m = re.exec(text))) {
      var start = m.index + m[1].length;
      frag.appendChild(document.createTextNode(text.slice(last, start)));
      frag.appendChild(el("mark", {}, [m[2]]));
      last = start + m[2].length;
      if (re.lastIndex === m.index) re.lastIndex++;
    }
    frag.appendChild(document.createTextNode(text.slice(last)));
    return frag;
  }

  /** Potongan teks sekitar kata pertama yang cocok. */
  function snippet(body, re) {
    if (!body) return "";
    var at = 0;
    if (re) {
      re.lastIndex = 0;
      var m = re.exec(body);
      if (m) at = m.index + m[1].length;
    }
    var start = Math.max(0, at - 60), end = Math.min(body.length, start + 200);
    if (start > 0) start = body.indexOf(" ", start) + 1 || start;
    if (end < body.length) end = body.lastIndexOf(" ", end) > start ? body.lastIndexOf(" ", end) : end;
    return (start > 0 ? "… " : "") + body.slice(start, end) + (end < body.length ? " …" : "");
  }

  function Ui(root) {
    this.root = root;
    this.base = (root.getAttribute("data-base") || ".").replace(/\/?$/, "/");
    this.input = root.querySelector(".md-search__input");
    this.meta = root.querySelector(".md-search-result__meta");
    this.list = root.querySelector(".md-search-result__list");
    this.toggle = document.getElementById("__search");
    this.engine = null;
    this.loading = null;
    this.placeholder = root.getAttribute("data-placeholder") || this.meta.textContent.trim();
    this.bind();
  }
  Ui.prototype.url = function (path) {
    return new URL(this.base + path, location.href).href;
  };
  Ui.prototype.load = function () {
    var self = this;
    if (this.loading) return this.loading;
    this.meta.textContent = "Memuat indeks pencarian…";
    var script = function (src) {
      return new Promise(function (resolve, reject) {
        var s = document.createElement("script");
        s.src = src;
        s.onload = resolve;
        s.onerror = function () { reject(new Error(src)); };
        document.head.appendChild(s);
      });
    };
    var ready = window.__panduanIndeks && window.Sastrawi
      ? Promise.resolve()
      : script(this.url("search/indeks-pencarian.js"));
    this.loading = ready.then(function () {
      var index = window.__panduanIndeks;
      self.engine = new Engine(index, new window.Sastrawi.Stemmer(index.kamus));
      window.__panduanCari = self.engine;
      self.render();
    }, function () {
      self.meta.textContent =
        "Indeks pencarian tidak ditemukan. Bangun situs dengan make site atau make site-offline.";
    });
    return this.loading;
  };
  Ui.prototype.render = function () {
    if (!this.engine) return;
    var query = this.input.value;
    while (this.list.firstChild) this.list.removeChild(this.list.firstChild);
    if (!tokenize(query).length) {
      this.root.setAttribute("data-kueri", query);
      this.meta.textContent = this.placeholder;
      return;
    }
    var pages = this.engine.search(query);
    this.meta.textContent = pages.length === 0 ? "Tidak ada dokumen yang sesuai"
      : pages.length === 1 ? "1 dokumen sesuai" : pages.length + " dokumen sesuai";
    var self = this;
    pages.slice(0, MAX_PAGES).forEach(function (hit) {
      var page = self.engine.pages[hit.page];
      var item = el("li", { class: "md-search-result__item" });
      hit.sections.forEach(function (section, i) {
        var re = self.engine.highlighter(section.terms);
        var doc = section.doc;
        var href = self.url(page[0]) + (doc.anchor ? "#" + doc.anchor : "");
        var article = el("article", {
          class: "md-search-result__article md-typeset" +
            (i === 0 ? " md-search-result__article--document" : "")
        });
        if (i === 0) {
          article.appendChild(el("div", { class: "md-search-result__icon md-icon" }));
          article.appendChild(el("h1", {}, [marked(page[1], re)]));
          if (doc.heading) {
            article.appendChild(el("p", { class: "panduan-cari__bagian" }, [marked(doc.heading, re)]));
          }
        } else {
          article.appendChild(el("h2", {}, [marked(doc.heading || page[1], re)]));
        }
        article.appendChild(el("p", {}, [marked(snippet(doc.body, re), re)]));
        item.appendChild(el("a", {
          href: href, class: "md-search-result__link", tabindex: "-1",
          "data-md-score": section.score.toFixed(2)
        }, [article]));
      });
      self.list.appendChild(item);
    });
    this.root.setAttribute("data-kueri", query);
  };
  Ui.prototype.open = function () {
    if (this.toggle && !this.toggle.checked) {
      this.toggle.checked = true;
      this.toggle.dispatchEvent(new Event("change"));
    }
    this.load();
  };
  Ui.prototype.close = function () {
    if (this.toggle && this.toggle.checked) {
      this.toggle.checked = false;
      this.toggle.dispatchEvent(new Event("change"));
    }
    this.input.blur();
  };
  Ui.prototype.links = function () {
    return Array.prototype.slice.call(this.list.querySelectorAll("a.md-search-result__link"));
  };
  Ui.prototype.bind = function () {
    var self = this, timer = null;
    this.input.addEventListener("focus", function () { self.open(); });
    this.input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () { self.render(); }, 60);
    });
    var form = this.input.form;
    form.addEventListener("submit", function (e) { e.preventDefault(); });
    form.addEventListener("reset", function () {
      setTimeout(function () { self.render(); self.input.focus(); }, 0);
    });
    if (this.toggle) {
      this.toggle.addEventListener("change", function () {
        if (self.toggle.checked) {
          self.load();
          if (document.activeElement !== self.input) self.input.focus();
        }
      });
    }
    document.addEventListener("keydown", function (e) {
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      var active = document.activeElement;
      var inSearch = self.root.contains(active);
      if (!inSearch) {
        var typing = active && (/^(INPUT|TEXTAREA|SELECT)$/.test(active.tagName) ||
          active.isContentEditable);
        if (!typing && (e.key === "/" || e.key === "s" || e.key === "f")) {
          e.preventDefault();
          self.input.focus();
          self.input.select();
        }
        return;
      }
      var links = self.links();
      if (e.key === "Enter" && active === self.input) {
        e.preventDefault();
        if (links.length) links[0].click();
      } else if (e.key === "Escape" || e.key === "Tab") {
        if (e.key === "Escape") e.preventDefault();
        self.close();
      } else if (e.key === "ArrowDown" || e.key === "ArrowUp") {
        e.preventDefault();
        var ring = [self.input].concat(links);
        var at = Math.max(0, ring.indexOf(active));
        ring[(at + ring.length + (e.key === "ArrowUp" ? -1 : 1)) % ring.length].focus();
      } else if (active !== self.input && e.key.length === 1) {
        self.input.focus();
      }
    });
  };

  window.PanduanPencarian = {
    tokenize: tokenize,
    Analyzer: Analyzer,
    Engine: Engine,
    /** Dipanggil assets/js/pencarian.js setelah berkas ini dimuat. */
    start: function (root) {
      if (!window.__panduanUi) window.__panduanUi = new Ui(root);
      return window.__panduanUi.load();
    }
  };
})();
