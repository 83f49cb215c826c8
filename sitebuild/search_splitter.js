/* Material's search worker loads this file for lang ko and uses lunr.TinySegmenter, when defined,
   to split each indexed word that ctype_() types as "H". Korean writes particles and compound parts
   without spaces; this splitter cuts a word with Hangul into known words and the text between them. */
(function (lunr) {
  "use strict";
  if (typeof lunr === "undefined") return;

  /* Known words from glossary.yml and search-words.yml; "|" marks where a word splits into parts. */
  var WORDS = WORDS_JSON;

  var PARTS = Object.create(null), LONGEST = 0;
  WORDS.forEach(function (entry) {
    var word = entry.split("|").join("");
    PARTS[word] = entry.split("|");
    LONGEST = Math.max(LONGEST, word.length);
  });

  var HANGUL = /\p{Script=Hangul}/u;
  /* Runs of Hangul, of other letters and digits, and of anything else (punctuation). */
  var RUNS = /\p{Script=Hangul}+|(?:(?!\p{Script=Hangul})[\p{L}\p{N}_])+|[^\p{L}\p{N}_]+/gu;

  /* A Hangul run: known words by longest match; the text between them (particles, endings) as it is. */
  function splitHangul(run, pieces) {
    var rest = "";
    for (var i = 0; i < run.length;) {
      var length = Math.min(LONGEST, run.length - i);
      while (length > 1 && !(run.substr(i, length) in PARTS)) length--;
      if (length > 1) {
        if (rest) pieces.push(rest);
        rest = "";
        pieces.push.apply(pieces, PARTS[run.substr(i, length)]);
        i += length;
      } else {
        rest += run[i++];
      }
    }
    if (rest) pieces.push(rest);
  }

  /* The pieces of one word: always a partition of it (highlight positions add up their lengths). */
  function split(word) {
    var pieces = [];
    (word.match(RUNS) || []).forEach(function (run) {
      if (HANGUL.test(run)) splitHangul(run, pieces);
      else pieces.push(run);
    });
    return pieces;
  }

  lunr.TinySegmenter = function () {};
  lunr.TinySegmenter.prototype.ctype_ = function (word) { return HANGUL.test(word) ? "H" : "O"; };
  lunr.TinySegmenter.prototype.segment = split;

  /* Queries: Material splits queries against the index only for Chinese, so split a Korean query word
     here, in lunr's query lexer, which Material's query handling and lunr's search both go through:
     역전파 becomes the terms 역 and 전파, as in the index. A leading + or - applies to every piece. */
  var emit = lunr.QueryLexer.prototype.emit;
  lunr.QueryLexer.prototype.emit = function (type) {
    emit.call(this, type);
    var lexeme = this.lexemes[this.lexemes.length - 1];
    if (type !== lunr.QueryLexer.TERM || !HANGUL.test(lexeme.str)) return;
    var term = /^(\*?)(.*?)(\*?)$/.exec(lexeme.str);
    var pieces = split(term[2]).filter(function (piece) { return /[\p{L}\p{N}]/u.test(piece); });
    if (pieces.length < 2) return;
    this.lexemes.pop();
    var before = this.lexemes[this.lexemes.length - 1];
    var presence = before && before.type === lunr.QueryLexer.PRESENCE ? before : null;
    for (var i = 0; i < pieces.length; i++) {
      if (i > 0 && presence) this.lexemes.push(presence);
      this.lexemes.push({
        type: type, start: lexeme.start, end: lexeme.end,
        str: (i === 0 ? term[1] : "") + pieces[i] + (i === pieces.length - 1 ? term[3] : "")
      });
    }
  };
})(typeof lunr === "undefined" ? undefined : lunr);
