// Search that forgives: corrects misspelled words before Material's search sees them, and
// when a search finds nothing, says so helpfully. site.js loads this file just before
// Material's script, so it costs nothing while a reader only reads.
//
// What it relies on in Material 9.8 (tests/browser/test_search_typos.py pins each one):
// - Material starts its search worker with `new Worker(__config.search)`, sends it each
//   query as {type: 2, data: "the words typed"} and gets {type: 3, data: {items}} back.
//   Wrapping Worker lets us correct the words on the way in and see the answer come out.
// - The results box [data-md-component=search-result] holds the count as its first
//   child and the list as its last; our note goes between them.
// - For Chinese, Material's worker splits each run of Han characters of the query into
//   words of its index itself, but never lets the run's last character end a word (回奶
//   is searched as 回*). So each word we send ends in SENTINEL, a Han character on no
//   page, which that split then drops: 回奶⼀ is searched as 回奶*.
// The words come from search/<lang>.json (publish/search_vocabulary.py writes it at build
// time from the site's own search index), for the page's <html lang>. Its "correct" is
// "words" (correct each word against the pages' words) or "off" (languages without
// spaces between words); either way a search that finds nothing shows the help. Its
// "segment" is "words" for Chinese: a query typed without spaces is split into the
// pages' own words (as jieba split the pages when the site was built), or "off".
(function () {
  var QUERY = 2, RESULT = 3; // Material's SearchMessageType
  var config = JSON.parse(document.getElementById("__config").textContent);
  var workerUrl = new URL(config.search, location.href).href;
  var base = new URL(config.base.replace(/\/?$/, "/"), location.href); // "..", "." or "/" (404 page)
  var NativeWorker = window.Worker;
  var settings = null; // the language file, once fetched
  var words = [];      // the site's words, most frequent first
  var known = {};      // word -> its place in words
  var stopwords = {};  // words a split query leaves out
  var longest = 0;     // the longest word, in characters, for splitting
  var costs = null;    // for splitting: how unlikely each word is, as jieba weighs it
  var worst = 2;       // ... and a word jieba does not know
  var HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
  var HAN_RUNS = /([\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+)/;
  var SENTINEL = "\u2f00"; // KANGXI RADICAL ONE: Han script, never in running text

  function loadSettings() {
    var lang = document.documentElement.lang || "en";
    return fetch(new URL("search/" + lang + ".json", base))
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (data) {
        settings = data;
        var usesWords = data && (data.correct === "words" || data.segment === "words");
        words = usesWords && data.words ? data.words.split(" ") : [];
        words.forEach(function (word, place) {
          known[word] = place;
          longest = Math.max(longest, word.length);
        });
        costs = usesWords && data.costs ? data.costs.split(" ").map(Number) : null;
        worst = costs ? Math.max.apply(null, costs) : 2;
        ((data && data.stopwords) || []).forEach(function (word) { stopwords[word] = true; });
        Object.keys((data && data.aliases) || {}).forEach(function (word) {
          longest = Math.max(longest, word.length);
        });
      })
      .catch(function () {}); // no file: search works as Material's own
  }

  // Optimal string alignment distance (a typo, a missing, extra or swapped letter each
  // count 1), or limit + 1 once it is certain to be over limit.
  function distance(a, b, limit) {
    if (Math.abs(a.length - b.length) > limit) {
      return limit + 1;
    }
    var rows = [[]], i, j;
    for (j = 0; j <= b.length; j++) {
      rows[0][j] = j;
    }
    for (i = 1; i <= a.length; i++) {
      rows[i] = [i];
      var best = i;
      for (j = 1; j <= b.length; j++) {
        var cost = a[i - 1] === b[j - 1] ? 0 : 1;
        var d = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
          d = Math.min(d, rows[i - 2][j - 2] + 1);
        }
        rows[i][j] = d;
        best = Math.min(best, d);
      }
      if (best > limit) {
        return limit + 1;
      }
    }
    return rows[a.length][b.length];
  }

  // A rough key of how a word sounds, so "sist" meets "cyst", "brest" "breast" and
  // "abcess" "abscess": soft c is s, hard c, q and k are k, ph is f, y is a vowel, h after
  // a consonant is silent, each run of vowels is one vowel, doubled letters are single.
  function soundKey(word) {
    return word.replace(/ph/g, "f").replace(/c(?=[eiy])/g, "s").replace(/[cqk]/g, "k")
      .replace(/x/g, "ks").replace(/z/g, "s").replace(/y/g, "i")
      .replace(/([^aeiou])h/g, "$1").replace(/[aeiou]+/g, "a").replace(/(.)\1+/g, "$1");
  }

  // The site's word nearest to a word found nowhere, or null. Fewer edits win, then a
  // word that sounds the same, then the more frequent word. Longer words may be further
  // off; a word that sounds the same one edit more; slack widens it (for "did you mean").
  function nearest(word, slack) {
    var limit = (word.length < 4 ? -1 : word.length < 8 ? 1 : 2) + slack;
    if (limit < 0) {
      return null;
    }
    var key = soundKey(word), found = null, lowest = Infinity;
    words.forEach(function (candidate) {
      var edits = distance(word, candidate, limit + 1);
      var sounds = soundKey(candidate) === key;
      if (edits <= limit || (sounds && edits <= limit + 1)) {
        var score = edits - (sounds ? 1.25 : 0); // sounding the same outweighs an edit
        if (score < lowest) { // words come most frequent first: ties keep the first
          lowest = score;
          found = candidate;
        }
      }
    });
    return found;
  }

  // Is word on the site, or the start of a word that is? (Material finds prefixes.)
  function isKnown(word) {
    return word in known || words.some(function (candidate) {
      return candidate.lastIndexOf(word, 0) === 0;
    });
  }

  // Two of the site's words run together ("breastmilk"), or null.
  function compound(word) {
    for (var i = 3; i <= word.length - 3; i++) {
      if (word.slice(0, i) in known && word.slice(i) in known) {
        return word.slice(0, i) + " " + word.slice(i);
      }
    }
    return null;
  }

  // One word of a query: what to search for instead ({search}), and a looser guess for
  // "did you mean" ({guess}) when it is found nowhere and has no close correction.
  function correctWord(word) {
    var lower = word.toLowerCase();
    var alias = settings.aliases[lower];
    if (alias) {
      return {search: lower in known ? word + " " + alias : alias};
    }
    // Numbers, short words and scripts without spaces between words stay as typed.
    if (lower.length < 3 || /\d|[\u3000-\u9fff\uac00-\ud7af\u0e00-\u0e7f]/.test(lower) ||
        isKnown(lower)) {
      return {search: word};
    }
    var better = nearest(lower, 0) || compound(lower);
    if (better) {
      return {search: better, corrected: true};
    }
    return {search: word, guess: nearest(lower, 1)};
  }

  // A run of Han characters typed without spaces (断奶后乳房有硬块) -> its words, as jieba
  // split the pages: the pages' words (or aliases) that spell it at the least cost, each
  // word costing what jieba's dictionary says (without costs: the fewest words, the more
  // frequent breaking ties). An alias always wins. A character that starts no word stays
  // with its unknown neighbours, and the end of the run may be the start of a word (still
  // being typed).
  function splitRun(run) {
    var cost = [0], from = [0], unknown = [false], i, j;
    for (j = 1; j <= run.length; j++) {
      cost[j] = Infinity;
    }
    for (i = 0; i < run.length; i++) {
      for (j = i + 1; j <= Math.min(run.length, i + Math.max(longest, 1)); j++) {
        var piece = run.slice(i, j), step = null;
        if (settings.aliases[piece]) {
          step = 0.5;
        } else if (piece in known) {
          step = costs ? costs[known[piece]] : 1 + known[piece] / words.length / 2;
        } else if (j === run.length && j - i > 1 && words.some(function (word) {
          return word.lastIndexOf(piece, 0) === 0;
        })) {
          step = worst; // the start of a word, at the end of what is typed
        } else if (j === i + 1) {
          step = worst + 1; // a character that starts no word
        }
        if (step !== null && cost[i] + step < cost[j]) {
          cost[j] = cost[i] + step;
          from[j] = i;
          unknown[j] = step === worst + 1;
        }
      }
    }
    var pieces = [], wasUnknown = false;
    for (j = run.length; j > 0; j = from[j]) { // unknown characters side by side stay one piece
      if (unknown[j] && wasUnknown) {
        pieces[0] = run.slice(from[j], j) + pieces[0];
      } else {
        pieces.unshift(run.slice(from[j], j));
      }
      wasUnknown = unknown[j];
    }
    return pieces;
  }

  // A word typed without spaces (a query, or a part of one) -> what to send: its Han runs
  // split into the pages' words, without the stop words (unless nothing else is left),
  // aliases replaced by the words they mean, each page word ending in SENTINEL.
  function segmentWord(word) {
    var pieces = [];
    word.split(HAN_RUNS).forEach(function (part, index) {
      if (part) {
        pieces = pieces.concat(index % 2 ? splitRun(part) : [part.toLowerCase()]);
      }
    });
    // As jieba's search engine mode, for a word of 3 or more characters that the pages
    // seldom use (in the less frequent half of their words): the words of 2 and 3
    // characters inside it come too (喝牛奶: 牛奶), which the pages may use alone.
    pieces = pieces.reduce(function (all, piece) {
      all.push(piece);
      var seldom = piece in known && known[piece] > words.length / 2;
      for (var size = 2; seldom && size <= 3 && size < piece.length; size++) {
        for (var start = 0; start + size <= piece.length; start++) {
          var inside = piece.slice(start, start + size);
          if (inside in known && all.indexOf(inside) < 0) {
            all.push(inside);
          }
        }
      }
      return all;
    }, []);
    var meaningful = pieces.filter(function (piece) { return !stopwords[piece]; });
    var sent = [];
    (meaningful.length ? meaningful : pieces).forEach(function (piece) {
      var alias = settings.aliases[piece];
      (alias ? (piece in known ? piece + " " + alias : alias).split(" ") : [piece])
        .forEach(function (each) {
          sent.push(HAN.test(each) && each in known ? each + SENTINEL : each);
        });
    });
    return sent.join(" ");
  }

  // A query as typed -> {typed, sent (to the worker), corrected (to show), guess}.
  // Parts using Material's query syntax (+word, -word, word~1, title:word, "...") stay.
  function correctQuery(typed) {
    var query = {typed: typed, sent: typed, corrected: false, guess: null};
    var segments = !!settings && settings.segment === "words";
    if (!settings || (settings.correct !== "words" && !segments)) {
      return query;
    }
    var separator = new RegExp(settings.separator);
    var sent = [], guess = [], guessed = false;
    typed.trim().split(/\s+/).forEach(function (part) {
      if (/^[+\-]|[*~^:"]/.test(part)) {
        sent.push(part);
        guess.push(part);
        return;
      }
      part.split(separator).filter(Boolean).forEach(function (word) {
        if (segments && HAN.test(word) || settings.correct !== "words") {
          var split = segments ? segmentWord(word) : word;
          sent.push(split);
          guess.push(split);
          return;
        }
        var result = correctWord(word);
        sent.push(result.search);
        guess.push(result.guess || result.search);
        query.corrected = query.corrected || !!result.corrected;
        guessed = guessed || !!result.guess;
      });
    });
    query.sent = sent.join(" ");
    query.guess = guessed ? guess.join(" ") : null;
    return query;
  }

  // An element with text (never HTML: the query is the reader's).
  function element(name, text, attributes) {
    var node = document.createElement(name);
    node.textContent = text || "";
    Object.keys(attributes || {}).forEach(function (key) { node.setAttribute(key, attributes[key]); });
    return node;
  }

  // Searching for other words, as if typed: Material searches on keyup.
  function searchFor(words) {
    var box = document.querySelector("[data-md-component=search-query]");
    box.value = words;
    box.focus();
    box.dispatchEvent(new KeyboardEvent("keyup"));
  }

  // The note under the count: the corrected words, or, when nothing was found, a
  // "did you mean", the main topics and the help page.
  var note = null, guessNow = null;
  function showNote(query, found) {
    var results = document.querySelector("[data-md-component=search-result]");
    var messages = (settings && settings.messages) || {};
    if (!note) {
      note = element("div", "", {"class": "search-note md-typeset"});
      results.firstElementChild.after(note);
    }
    note.textContent = "";
    guessNow = null;
    if (found && query.corrected) {
      var said = element("p", messages.corrected + " ");
      said.appendChild(element("strong", query.sent));
      note.appendChild(said);
    } else if (!found && query.typed.trim() && settings && settings.help) {
      note.appendChild(element("p", messages.none));
      if (query.guess) {
        guessNow = query.guess;
        var guess = element("p", messages.did_you_mean + " ");
        var link = element("a", query.guess, {href: "?q=" + encodeURIComponent(query.guess)});
        link.addEventListener("click", function (event) {
          event.preventDefault();
          event.stopPropagation(); // else Material closes search, as for a result
          searchFor(guessNow);
        });
        guess.appendChild(link);
        note.appendChild(guess);
      }
      if (settings.topics.length) {
        note.appendChild(element("p", messages.topics));
        var list = element("ul");
        settings.topics.forEach(function (topic) {
          var item = element("li");
          item.appendChild(element("a", topic.title, {href: new URL(topic.url, base).href}));
          list.appendChild(item);
        });
        note.appendChild(list);
      }
      var help = element("p", messages.help + " ");
      help.appendChild(element("a", settings.help.title, {href: new URL(settings.help.url, base).href}));
      note.appendChild(help);
    }
    note.hidden = !note.firstChild;
  }

  // Enter in the search box opens the best result; with nothing found it would open our
  // first link (Material takes any link in the results). Instead, Enter takes the "did you
  // mean", if there is one, and otherwise does nothing.
  document.addEventListener("keydown", function (event) {
    var box = event.target;
    if (event.key === "Enter" && note && !note.hidden && box.matches &&
        box.matches("[data-md-component=search-query]") &&
        !document.querySelector(".md-search-result__item")) {
      event.preventDefault();
      event.stopPropagation();
      if (guessNow) {
        searchFor(guessNow);
      }
    }
  }, true);

  // Material's search worker, with each query corrected on the way in and each answer
  // noted on the way out. Queries wait for the language file (it loads alongside the
  // search index), so the first one is corrected too.
  function forgive(worker) {
    var post = worker.postMessage.bind(worker);
    var ready = loadSettings();
    var inFlight = []; // the worker answers queries in the order they are sent
    worker.postMessage = function (message) {
      if (!message || message.type !== QUERY || typeof message.data !== "string") {
        return post.apply(null, arguments);
      }
      ready.then(function () {
        var query = correctQuery(message.data);
        inFlight.push(query);
        post({type: QUERY, data: query.sent});
      });
    };
    worker.addEventListener("message", function (event) {
      if (event.data && event.data.type === RESULT) {
        var query = inFlight.shift();
        var found = event.data.data.items.length > 0;
        setTimeout(function () { showNote(query, found); }); // after Material's own rendering
      }
    });
  }

  window.Worker = function (url, options) {
    var worker = new NativeWorker(url, options);
    if (new URL(url, location.href).href === workerUrl) {
      forgive(worker);
    }
    return worker;
  };
  window.Worker.prototype = NativeWorker.prototype;
})();
