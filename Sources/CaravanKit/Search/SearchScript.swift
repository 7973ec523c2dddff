/// `search.js`, the site's one script: on a search page it reads `?q=`, cuts the query
/// into terms exactly as `SearchTokenizer` cut the stories, fetches only the shards of those
/// terms and the chunks of the documents it shows, and lists them: stories with every term,
/// those with more terms in the title first, then the newest. Builds the list with DOM
/// calls (no HTML from the index is ever parsed). Without it the page still offers the tag
/// and corridor lists.
enum SearchScript {
    static let path = "search.js"

    static let source = #"""
// Caravan search: see SearchIndex.swift for the files, SearchTokenizer.swift for the terms.
(function () {
  "use strict";
  var box = document.getElementById("search-results");
  var form = document.getElementById("search-form");
  if (!box || !form || !window.fetch || !window.TextEncoder) return;
  var input = form.elements.q;
  var base = box.getAttribute("data-index");
  var pageSize = 10;
  var cache = {};

  function kind(ch) {
    var c = ch.codePointAt(0);
    if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)) return "word";
    if (c < 128) return "space";
    if ((c >= 0xFF10 && c <= 0xFF19) || (c >= 0xFF21 && c <= 0xFF3A) || (c >= 0xFF41 && c <= 0xFF5A)) return "wide";
    if ((c >= 0x3040 && c <= 0x30FF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) ||
        (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x3FFFF)) return "han";
    return /[\p{Alphabetic}\p{Mn}\p{N}]/u.test(ch) ? "letter" : "space";
  }

  function stem(word) {
    if (/^[a-z]$/.test(word)) return "";
    if (!/^[a-z]+$/.test(word)) return word;
    if (word.length > 4 && /ies$/.test(word)) return word.slice(0, -3) + "y";
    if (word.length > 3 && /s$/.test(word) && !/(ss|us|is)$/.test(word)) return word.slice(0, -1);
    return word;
  }

  // A compatibility ideograph, which the index writes as its unified form.
  function compatible(ch) {
    var c = ch.codePointAt(0);
    return (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x2F800 && c <= 0x2FA1F);
  }

  // The query's terms: words, and Han bigrams (a single character alone).
  function terms(text) {
    var out = [], word = "", ascii = true, han = [];
    function endWord() {
      if (!word) return;
      // Lower-cased a character at a time, as the index was: no final-sigma rule.
      var term = stem(ascii ? word : Array.from(word.normalize("NFKC"), function (c) { return c.toLowerCase(); }).join(""));
      if (term) out.push(term);
      word = ""; ascii = true;
    }
    function endHan() {
      if (han.length === 1) out.push(han[0]);
      for (var i = 0; i + 1 < han.length; i++) out.push(han[i] + han[i + 1]);
      han = [];
    }
    for (var ch of text) {
      var k = kind(ch);
      if (k === "word") { endHan(); word += ch.toLowerCase(); }
      else if (k === "wide") { endHan(); word += String.fromCharCode(ch.codePointAt(0) - 0xFEE0).toLowerCase(); }
      else if (k === "letter") { endHan(); word += ch; ascii = false; }
      else if (k === "han") { endWord(); han.push(compatible(ch) ? ch.normalize("NFKC") : ch); }
      else { endWord(); endHan(); }
    }
    endWord(); endHan();
    return out.filter(function (term, i) { return out.indexOf(term) === i; });
  }

  function hash(term) {
    var bytes = new TextEncoder().encode(term), h = 0x811c9dc5;
    for (var i = 0; i < bytes.length; i++) { h = Math.imul(h ^ bytes[i], 0x01000193) >>> 0; }
    return h;
  }

  function load(path) {
    if (!cache[path]) {
      cache[path] = fetch(base + path).then(function (r) { return r.ok ? r.json() : {}; }).catch(function () { return {}; });
    }
    return cache[path];
  }

  // Document id → how many of the query's terms its title holds.
  function decode(postings) {
    var found = new Map(), id = 0;
    if (!postings) return found;
    postings.split(",").forEach(function (part) {
      var value = parseInt(part, 36);
      id += value >> 1;
      found.set(id, value & 1);
    });
    return found;
  }

  function marked(text, words) {
    var fragment = document.createDocumentFragment();
    if (!words.length) { fragment.append(text); return fragment; }
    var pattern = new RegExp("(" + words.map(function (w) { return w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); }).join("|") + ")", "giu");
    text.split(pattern).forEach(function (piece, i) {
      if (i % 2) { var mark = document.createElement("mark"); mark.textContent = piece; fragment.append(mark); }
      else if (piece) fragment.append(piece);
    });
    return fragment;
  }

  function message(key, query, count) {
    return box.getAttribute("data-" + key).replace("{q}", query).replace("{n}", String(count));
  }

  function show(query, ids, meta) {
    box.textContent = "";
    var status = document.createElement("p");
    status.className = "search-status";
    box.append(status);
    if (!ids.length) {
      status.textContent = message("none", query, 0);
      var other = box.getAttribute("data-other");
      if (other) {
        var p = document.createElement("p"), a = document.createElement("a");
        a.href = other + "?q=" + encodeURIComponent(query);
        a.hreflang = a.lang = box.getAttribute("data-other-lang");
        a.textContent = box.getAttribute("data-other-label");
        p.append(a); box.append(p);
      }
      return;
    }
    status.textContent = message(ids.length === 1 ? "found-one" : "found", query, ids.length);
    var list = document.createElement("ol");
    list.className = "search-list";
    box.append(list);
    var words = query.split(/[\s\p{P}\p{S}]+/u).filter(Boolean);
    var shown = 0;
    var more = document.createElement("button");
    more.type = "button";
    more.textContent = box.getAttribute("data-more");
    function next() {
      var page = ids.slice(shown, shown + pageSize);
      shown += page.length;
      more.hidden = shown >= ids.length;
      return Promise.all(page.map(function (id) {
        return load("d/" + Math.floor(id / meta.chunk) + ".json").then(function (chunk) { return chunk[id % meta.chunk]; });
      })).then(function (documents) {
        documents.forEach(function (d) {
          if (!d) return;
          var item = document.createElement("li"), link = document.createElement("a"), time = document.createElement("time");
          link.href = d[1]; link.append(marked(d[0], words));
          time.dateTime = d[2]; time.textContent = d[3];
          var excerpt = document.createElement("p");
          excerpt.append(marked(d[4], words));
          item.append(link, " ", time, excerpt);
          list.append(item);
        });
      });
    }
    more.addEventListener("click", next);
    box.append(more);
    return next();
  }

  function search(query) {
    var wanted = terms(query);
    if (!wanted.length) return;
    box.setAttribute("aria-busy", "true");
    load("meta.json").then(function (meta) {
      return Promise.all(wanted.map(function (term) {
        return load("t/" + (hash(term) & (meta.shards - 1)).toString(16) + ".json").then(function (shard) {
          return decode(Object.prototype.hasOwnProperty.call(shard, term) ? shard[term] : "");
        });
      })).then(function (lists) {
        lists.sort(function (a, b) { return a.size - b.size; });
        var ids = [];
        lists[0].forEach(function (inTitle, id) {
          var score = inTitle;
          for (var i = 1; i < lists.length; i++) {
            if (!lists[i].has(id)) return;
            score += lists[i].get(id);
          }
          ids.push([score, id]);
        });
        ids.sort(function (a, b) { return b[0] - a[0] || a[1] - b[1]; });
        return show(query, ids.map(function (pair) { return pair[1]; }), meta);
      });
    }).finally(function () { box.removeAttribute("aria-busy"); });
  }

  var query = new URLSearchParams(location.search).get("q") || "";
  input.value = query;
  if (query.trim()) search(query.trim());
})();

"""#
}
