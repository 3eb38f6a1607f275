/*
 * Sastrawi: stemmer bahasa Indonesia (Nazief & Adriani, CS, ECS, Improved ECS), untuk pencarian
 * panduan di peramban.
 *
 * Terjemahan baris demi baris dari PySastrawi 1.2.1 (pysastrawi di PyPI, versi yang dipatok di
 * pyproject.toml), yang dipakai scripts/indeks_pencarian.py ketika membangun indeks. Struktur dan
 * urutan langkah sengaja sama dengan kode Python (Context.execute, start_stemming_process,
 * loop_pengembalian_akhiran, aturan disambiguasi 1-42) agar hasilnya identik; tes
 * tests/browser/test_pencarian.py membandingkan keduanya untuk setiap kata dalam panduan dan setiap
 * kata dasar kamus. Kamus kata dasar tidak disalin ke sini: indeks pencarian membawanya.
 *
 * Lisensi MIT. Copyright (c) 2016 Hanif Amal Robbani (PySastrawi); Copyright (c) Andy Librian
 * (Sastrawi PHP). Lihat docs/assets/js/LICENSE-sastrawi.txt.
 */
(function (global) {
  "use strict";

  var C = "bcdfghjklmnpqrstvwxyz";
  var V = "aiueo";

  function rx(pattern) {
    return new RegExp(
      pattern.replace(/C/g, "[" + C + "]").replace(/V/g, "[" + V + "]")
    );
  }

  /* Aturan disambiguasi awalan: pola (selalu dari awal kata) dan fungsi hasil. Sebuah fungsi
   * mengembalikan undefined bila aturannya tidak berlaku, seperti `return` kosong di Python. */
  function rule(pattern, build) {
    var re = rx(pattern);
    return function (word) {
      var m = re.exec(word);
      return m ? build(m) : undefined;
    };
  }
  function join(m) {
    var out = "";
    for (var i = 1; i < m.length; i++) out += m[i];
    return out;
  }
  function isEr(s) {
    return /^er/.test(s);
  }

  var R = {
    r1a: rule("^ber(V.*)$", function (m) { return m[1]; }),
    r1b: rule("^ber(V.*)$", function (m) { return "r" + m[1]; }),
    r2: rule("^ber(C)([a-z])(.*)", function (m) {
      return isEr(m[3]) ? undefined : m[1] + m[2] + m[3];
    }),
    r3: rule("^ber(C)([a-z])er(V)(.*)", function (m) {
      return m[1] === "r" ? undefined : m[1] + m[2] + "er" + m[3] + m[4];
    }),
    r4: function (word) { return word === "belajar" ? "ajar" : undefined; },
    r5: rule("^be([bcdfghjklmnpqstvwxyz])(er[" + C + "])(.*)$", join),
    r6a: rule("^ter(V.*)$", function (m) { return m[1]; }),
    r6b: rule("^ter(V.*)$", function (m) { return "r" + m[1]; }),
    r7: rule("^ter(C)er(V.*)$", function (m) {
      return m[1] === "r" ? undefined : m[1] + "er" + m[2];
    }),
    r8: rule("^ter(C)(.*)$", function (m) {
      return m[1] === "r" || isEr(m[2]) ? undefined : m[1] + m[2];
    }),
    r9: rule("^te(C)er(C)(.*)$", function (m) {
      return m[1] === "r" ? undefined : m[1] + "er" + m[2] + m[3];
    }),
    r10: rule("^me([lrwy])(V)(.*)$", join),
    r11: rule("^mem([bfv])(.*)$", join),
    r12: rule("^mempe(.*)$", function (m) { return "pe" + m[1]; }),
    r13a: rule("^mem(V)(.*)$", function (m) { return "m" + m[1] + m[2]; }),
    r13b: rule("^mem(V)(.*)$", function (m) { return "p" + m[1] + m[2]; }),
    r14: rule("^men([cdjstz])(.*)$", join),
    r15a: rule("^men(V)(.*)$", function (m) { return "n" + m[1] + m[2]; }),
    r15b: rule("^men(V)(.*)$", function (m) { return "t" + m[1] + m[2]; }),
    r16: rule("^meng([ghqk])(.*)$", join),
    r17a: rule("^meng(V)(.*)$", join),
    r17b: rule("^meng(V)(.*)$", function (m) { return "k" + m[1] + m[2]; }),
    r17c: rule("^menge(.*)$", function (m) { return m[1]; }),
    r17d: rule("^meng(V)(.*)$", function (m) { return "ng" + m[1] + m[2]; }),
    r18a: rule("^meny(V)(.*)$", function (m) { return "ny" + m[1] + m[2]; }),
    r18b: rule("^meny(V)(.*)$", function (m) { return "s" + m[1] + m[2]; }),
    r19: rule("^memp([abcdfghijklmopqrstuvwxyz])(.*)$", function (m) {
      return "p" + m[1] + m[2];
    }),
    r20: rule("^pe([wy])(V)(.*)$", join),
    r21a: rule("^per(V)(.*)$", join),
    r21b: rule("^pe(rV)(.*)$", join),
    r23: rule("^per(C)([a-z])(.*)$", function (m) {
      return isEr(m[3]) ? undefined : m[1] + m[2] + m[3];
    }),
    r24: rule("^per(C)([a-z])er(V)(.*)$", function (m) {
      return m[1] === "r" ? undefined : m[1] + m[2] + "er" + m[3] + m[4];
    }),
    r25: rule("^pem([bfv])(.*)$", join),
    r26a: rule("^pem(V)(.*)$", function (m) { return "m" + m[1] + m[2]; }),
    r26b: rule("^pem(V)(.*)$", function (m) { return "p" + m[1] + m[2]; }),
    r27: rule("^pen([cdjstz])(.*)$", join),
    r28a: rule("^pen(V)(.*)$", function (m) { return "n" + m[1] + m[2]; }),
    r28b: rule("^pen(V)(.*)$", function (m) { return "t" + m[1] + m[2]; }),
    r29: rule("^peng(C)(.*)$", join),
    r30a: rule("^peng(V)(.*)$", join),
    r30b: rule("^peng(V)(.*)$", function (m) { return "k" + m[1] + m[2]; }),
    r30c: rule("^penge(.*)$", function (m) { return m[1]; }),
    r31a: rule("^peny(V)(.*)$", function (m) { return "ny" + m[1] + m[2]; }),
    r31b: rule("^peny(V)(.*)$", function (m) { return "s" + m[1] + m[2]; }),
    r32: function (word) {
      if (word === "pelajar") return "ajar";
      var m = rx("^pe(lV)(.*)$").exec(word);
      return m ? m[1] + m[2] : undefined;
    },
    r34: rule("^pe(C)(.*)$", function (m) {
      return isEr(m[2]) ? undefined : m[1] + m[2];
    }),
    r35: rule("^ter([bcdfghjkpqstvxz])(er[" + C + "])(.*)$", join),
    r36: rule("^pe([bcdfghjkpqstvxz])(er[" + C + "])(.*)$", join),
    r37a: rule("^(C)(erV)(.*)$", join),
    r37b: rule("^(C)er(V)(.*)$", join),
    r38a: rule("^(C)(elV)(.*)$", join),
    r38b: rule("^(C)el(V)(.*)$", join),
    r39a: rule("^(C)(emV)(.*)$", join),
    r39b: rule("^(C)em(V)(.*)$", join),
    r40a: rule("^(C)(inV)(.*)$", join),
    r40b: rule("^(C)in(V)(.*)$", join),
    r41: rule("^ku(.*)$", function (m) { return m[1]; }),
    r42: rule("^kau(.*)$", function (m) { return m[1]; })
  };

  /* VisitorProvider: urutan kelompok aturan sama dengan Python. */
  var PREFIX_RULES = [
    ["r1a", "r1b"], ["r2"], ["r3"], ["r4"], ["r5"], ["r6a", "r6b"], ["r7"], ["r8"], ["r9"],
    ["r10"], ["r11"], ["r12"], ["r13a", "r13b"], ["r14"], ["r15a", "r15b"], ["r16"],
    ["r17a", "r17b", "r17c", "r17d"], ["r18a", "r18b"], ["r19"], ["r20"], ["r21a", "r21b"],
    ["r23"], ["r24"], ["r25"], ["r26a", "r26b"], ["r27"], ["r28a", "r28b"], ["r29"],
    ["r30a", "r30b", "r30c"], ["r31a", "r31b"], ["r32"], ["r34"], ["r35"], ["r36"],
    ["r37a", "r37b"], ["r38a", "r38b"], ["r39a", "r39b"], ["r40a", "r40b"], ["r41"], ["r42"]
  ];

  /* re.sub(result, '', subject, count=1): hasil berisi huruf, angka dan '-', jadi harfiah. */
  function removedPart(subject, result) {
    return subject.replace(result, "");
  }

  /* Visitor berbentuk {visit(ctx)}; suffix/prefix visitors seperti di Python. */
  function affixVisitor(pattern, type) {
    return {
      visit: function (ctx) {
        var result = ctx.current.replace(pattern, "");
        if (result !== ctx.current) {
          ctx.removals.push({
            subject: ctx.current, result: result,
            removed: removedPart(ctx.current, result), type: type
          });
          ctx.current = result;
        }
      }
    };
  }
  var dontStemShortWord = {
    visit: function (ctx) { if (ctx.current.length <= 3) ctx.stopped = true; }
  };
  var SUFFIX_VISITORS = [
    affixVisitor(/-*(lah|kah|tah|pun)$/, "P"),
    affixVisitor(/-*(ku|mu|nya)$/, "PP"),
    affixVisitor(/(is|isme|isasi|i|kan|an)$/, "DS")
  ];
  function disambiguator(names) {
    var rules = names.map(function (n) { return R[n]; });
    return {
      visit: function (ctx) {
        var result;
        for (var i = 0; i < rules.length; i++) {
          result = rules[i](ctx.current);
          if (ctx.has(result)) break;
        }
        if (result === undefined) return;
        ctx.removals.push({
          subject: ctx.current, result: result,
          removed: removedPart(ctx.current, result), type: "DP"
        });
        ctx.current = result;
      }
    };
  }
  var PREFIX_VISITORS = [affixVisitor(/^(di|ke|se)/, "DP")].concat(
    PREFIX_RULES.map(disambiguator)
  );
  var PRECEDENCE = [/^be(.*)lah$/, /^be(.*)an$/, /^me(.*)i$/, /^di(.*)i$/, /^pe(.*)i$/,
    /^ter(.*)i$/];

  function Context(word, has) {
    this.original = word;
    this.current = word;
    this.has = has;
    this.stopped = false;
    this.removals = [];
    this.result = "";
  }
  Context.prototype.execute = function () {
    this.start();
    this.result = this.has(this.current) ? this.current : this.original;
  };
  Context.prototype.start = function () {
    var self = this;
    if (this.has(this.current)) return;
    this.acceptVisitors([dontStemShortWord]);
    if (this.has(this.current)) return;
    if (PRECEDENCE.some(function (re) { return re.test(self.original); })) {
      this.removePrefixes();
      if (this.has(this.current)) return;
      this.removeSuffixes();
      if (this.has(this.current)) return;
      this.current = this.original;
      this.removals = [];
    }
    this.removeSuffixes();
    if (this.has(this.current)) return;
    this.removePrefixes();
    if (this.has(this.current)) return;
    this.loopPengembalianAkhiran();
  };
  Context.prototype.removePrefixes = function () {
    for (var i = 0; i < 3; i++) {
      this.acceptPrefixVisitors(PREFIX_VISITORS);
      if (this.has(this.current)) return;
    }
  };
  Context.prototype.removeSuffixes = function () {
    this.acceptVisitors(SUFFIX_VISITORS);
  };
  Context.prototype.acceptVisitors = function (visitors) {
    for (var i = 0; i < visitors.length; i++) {
      visitors[i].visit(this);
      if (this.has(this.current)) return;
      if (this.stopped) return;
    }
  };
  Context.prototype.acceptPrefixVisitors = function (visitors) {
    var count = this.removals.length;
    for (var i = 0; i < visitors.length; i++) {
      visitors[i].visit(this);
      if (this.has(this.current)) return;
      if (this.stopped) return;
      if (this.removals.length > count) return;
    }
  };
  Context.prototype.loopPengembalianAkhiran = function () {
    this.restorePrefix();
    var removals = this.removals.slice();
    var current = this.current;
    for (var i = removals.length - 1; i >= 0; i--) {
      var removal = removals[i];
      if (removal.type !== "DS" && removal.type !== "PP" && removal.type !== "P") continue;
      if (removal.removed === "kan") {
        this.current = removal.result + "k";
        this.removePrefixes();
        if (this.has(this.current)) return;
        this.current = removal.result + "kan";
      } else {
        this.current = removal.subject;
      }
      this.removePrefixes();
      if (this.has(this.current)) return;
      this.removals = removals;
      this.current = current;
    }
  };
  Context.prototype.restorePrefix = function () {
    if (this.removals.length) this.current = this.removals[0].subject;
    this.removals = this.removals.filter(function (r) { return r.type !== "DP"; });
  };

  var SUFFIXES = ["ku", "mu", "nya", "lah", "kah", "tah", "pun"];

  /** Stemmer atas kamus kata dasar (array atau Set string). */
  function Stemmer(words) {
    var dict = words instanceof Set ? words : new Set(words.filter(function (w) {
      return w && w.trim() !== "";
    }));
    this.has = function (w) { return typeof w === "string" && dict.has(w); };
  }
  Stemmer.prototype.isPlural = function (word) {
    var m = /^(.*)-(ku|mu|nya|lah|kah|tah|pun)$/.exec(word);
    if (m) return m[1].indexOf("-") !== -1;
    return word.indexOf("-") !== -1;
  };
  Stemmer.prototype.stemPluralWord = function (plural) {
    var m = /^(.*)-(.*)$/.exec(plural);
    if (!m) return plural;
    var words = [m[1], m[2]];
    var suffix = words[1];
    m = /^(.*)-(.*)$/.exec(words[0]);
    if (SUFFIXES.indexOf(suffix) !== -1 && m) {
      words[0] = m[1];
      words[1] = m[2] + "-" + suffix;
    }
    var root1 = this.stemSingularWord(words[0]);
    var root2 = this.stemSingularWord(words[1]);
    if (!this.has(words[1]) && root2 === words[1]) {
      root2 = this.stemSingularWord("me" + words[1]);
    }
    return root1 === root2 ? root1 : plural;
  };
  Stemmer.prototype.stemSingularWord = function (word) {
    var ctx = new Context(word, this.has);
    ctx.execute();
    return ctx.result;
  };
  /** Kata dasar dari satu kata (huruf kecil, tanpa tanda baca), seperti Stemmer.stem_word. */
  Stemmer.prototype.stemWord = function (word) {
    return this.isPlural(word) ? this.stemPluralWord(word) : this.stemSingularWord(word);
  };

  global.Sastrawi = { Stemmer: Stemmer, version: "pysastrawi 1.2.1" };
})(typeof window !== "undefined" ? window : globalThis);
