// The site's own script: adds the "Copy link" button, gives printed links their full
// address, and loads Material's script when a reader first needs it. Runs at the end of
// the page, so the document is there. The two small parts come first: an error in a
// later part stops the rest of the file, and they must not depend on Material.

// The words this script shows, in the page's language (main.html passes them).
var siteWords = document.currentScript.dataset;

// "Link to this page": add a button that copies the page's address. Without JavaScript,
// or without a clipboard, the address is still there as plain text to select and copy.
(function () {
  var address = document.querySelector(".link-to-this-page .page-url");
  if (!navigator.clipboard || !address) {
    return;
  }
  var button = document.createElement("button");
  button.type = "button";
  button.className = "md-button copy-link";
  button.textContent = siteWords.copyLink;
  var status = document.createElement("span");
  status.className = "copy-link-status";
  status.setAttribute("role", "status");
  button.addEventListener("click", function () {
    navigator.clipboard.writeText(address.textContent.trim()).then(
      function () { status.textContent = siteWords.linkCopied; },
      function () { status.textContent = siteWords.copyFailed; }
    );
  });
  address.parentNode.after(button, status);
})();

// On paper, site.css (print section) writes each link's address after its text. A link
// within this site is relative ("../mastitis/"), so give it its full address, worked out
// from the page's canonical address rather than from wherever the page happens to be
// served. Only when the page is printed: a reader who only reads pays nothing for it.
(function () {
  function givePrintedLinksTheirAddress() {
    var canonical = document.querySelector('link[rel="canonical"]');
    var base = canonical ? canonical.href : location.href;
    var relativeLinks = '.md-content a[href]:not([href*=":"]):not([href^="#"]):not([data-print-url])';
    document.querySelectorAll(relativeLinks).forEach(function (link) {
      link.setAttribute("data-print-url", new URL(link.getAttribute("href"), base).href);
    });
  }
  addEventListener("beforeprint", givePrintedLinksTheirAddress);
  // Safari before 13 has no beforeprint; its print media query changes instead. A page
  // opened straight into print (a PDF made by a program) starts with the query matching.
  var printing = matchMedia("print");
  if (printing.matches) {
    givePrintedLinksTheirAddress();
  } else if (printing.addListener) {
    printing.addListener(function (query) {
      if (query.matches) {
        givePrintedLinksTheirAddress();
      }
    });
  }
})();

// Material's script runs search, the colour toggle and the contents tracking. With its
// search worker and index it is about 74 kB compressed: three times the article itself.
// Most readers only read, often on slow, metered phones, so it loads when a reader first
// reaches for search or the colour toggle, or arrives from a search link (?q= or ?h=).
// Until then the page is Material's no-JavaScript page with search and the toggle shown
// (site.css), and this script does the little Material does for a reader who only reads:
// the system's light or dark setting, the keys for search and the next and previous
// page, and closing the menu when a section in it is tapped.
(function () {
  var bundle = document.currentScript.dataset.bundle;
  var searchCorrect = document.currentScript.dataset.searchCorrect;
  var root = document.documentElement;
  var drawer = document.getElementById("__drawer");
  var searchToggle = document.getElementById("__search");
  var searchBox = document.querySelector("[data-md-component=search-query]");
  var palette = document.querySelector("[data-md-component=palette]");
  var loading = null;
  var pendingToggle = null;
  var loadStatus = document.createElement("p");
  loadStatus.className = "load-problem";
  loadStatus.setAttribute("role", "status");

  // Material swaps the page's "no-js" class for "js" when it runs.
  function materialRuns() {
    return root.classList.contains("js");
  }

  // Resolves once Material's script has run. Material starts its page features on
  // DOMContentLoaded, which has passed by then, so it is handed the document (document$
  // is Material's, for scripts like this one). If the script fails to load (a phone
  // losing its signal) or throws, the promise is rejected, the reader is told, and the
  // reader's next tap or key tries again. Our search correction (search-correct.js) comes
  // first, once it has run: it must be there before Material starts its search (async
  // false: the two download together and run in order).
  function loadMaterial() {
    if (!loading) {
      showLoadProblem("");
      loading = new Promise(function (resolve, reject) {
        var scripts = [];
        if (searchCorrect) {
          var correction = document.createElement("script");
          correction.src = searchCorrect;
          correction.onload = function () { searchCorrect = null; };
          correction.onerror = function () { correction.remove(); };
          scripts.push(correction);
        }
        var script = document.createElement("script");
        scripts.push(script);
        function fail() {
          script.remove();
          loading = null;
          reject(new Error("Material's script did not run"));
        }
        script.src = bundle;
        script.onload = function () {
          try {
            startMaterial();
            resolve();
          } catch (error) {
            fail();
          }
        };
        script.onerror = fail;
        scripts.forEach(function (each) { each.async = false; });
        if (document.readyState === "loading") {
          document.addEventListener("DOMContentLoaded", function () {
            document.body.append.apply(document.body, scripts);
          });
        } else {
          document.body.append.apply(document.body, scripts);
        }
      });
      loading.catch(function () {
        showLoadProblem(siteWords.loadFailed);
      });
    }
    return loading;
  }

  // Material, once started, fetches a sitemap.xml beside each language link in the head
  // (link rel=alternate), to find the same page in the other language. Ours already name
  // the same page, so those requests would only fail: the links step out while Material
  // looks for them, and come straight back for anything that reads the page later.
  function startMaterial() {
    var alternates = document.querySelectorAll("link[rel=alternate][hreflang]");
    alternates.forEach(function (link) { link.remove(); });
    try {
      document$.next(document);
    } finally {
      document.head.append.apply(document.head, alternates);
    }
  }

  // Says (or, with "", clears) why search or the colour switch is not working, in a
  // status line under the header and in the search results, where Material would
  // otherwise say "Initializing search" for ever.
  function showLoadProblem(message) {
    if (!loadStatus.isConnected) {
      var main = document.querySelector(".md-main");
      if (main) {
        main.before(loadStatus);
      }
    }
    loadStatus.textContent = message;
    var searchMeta = document.querySelector(".md-search-result__meta");
    if (searchMeta && message) {
      searchMeta.textContent = message;
    }
  }

  // The reader's stored palette, if the browser lets the site store one (and lets
  // Material's inline script, which defines __md_get, run).
  function storedPalette() {
    try {
      return __md_get("__palette");
    } catch (error) {
      return null;
    }
  }

  // The palette Material would start with: the reader's stored choice, else the one whose
  // media query (light or dark system setting) matches. Show the toggle that leaves it.
  function applyPalette() {
    var inputs = Array.prototype.slice.call(palette.querySelectorAll("input"));
    var stored = storedPalette();
    var index = stored ? stored.index : inputs.findIndex(function (input) {
      return matchMedia(input.dataset.mdColorMedia).matches;
    });
    var active = inputs[Math.max(0, Math.min(index, inputs.length - 1))];
    active.checked = true;
    // The page is drawn in the first palette, and Material's inline script has applied a
    // stored one: change only what differs, so most readers' pages are not restyled.
    var keys = ["media", "scheme", "primary", "accent"].filter(function (key) {
      var name = "data-md-color-" + key;
      return document.body.getAttribute(name) !== active.getAttribute(name);
    });
    if (keys.length) {
      // Like Material, switch without colour transitions (a contrast check could see one).
      document.body.setAttribute("data-md-color-switching", "");
      keys.forEach(function (key) {
        document.body.setAttribute("data-md-color-" + key, active.getAttribute("data-md-color-" + key));
      });
      requestAnimationFrame(function () {
        document.body.removeAttribute("data-md-color-switching");
      });
    }
    palette.querySelectorAll("label").forEach(function (label) {
      var hidden = label.previousElementSibling !== active;
      if (label.hidden !== hidden) {
        label.hidden = hidden;
      }
    });
  }

  function openSearch() {
    searchToggle.checked = true;
    searchBox.focus();
  }

  function isTyping(target) {
    return target.isContentEditable || /^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName);
  }

  // Material's keys: "/", "s" or "f" to search; "p" or "," and "n" or "." for the
  // previous and next page.
  function onKey(event) {
    if (materialRuns() || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) {
      return;
    }
    var neighbour = {p: "prev", ",": "prev", n: "next", ".": "next"}[event.key];
    var link = neighbour && document.querySelector("link[rel=" + neighbour + "]");
    if (link) {
      location.href = link.href;
    } else if (/^[/sf]$/.test(event.key) && searchBox) {
      event.preventDefault();
      openSearch();
    }
  }

  // The first click or Enter on the toggle loads Material, which is then handed the last
  // one (two quick taps while it loads count as one).
  function onToggle(event) {
    if (materialRuns() || (event.type === "keydown" && event.key !== "Enter")) {
      return;
    }
    event.preventDefault();
    pendingToggle = event;
    loadMaterial().then(function () {
      if (pendingToggle) {
        var toggle = pendingToggle;
        pendingToggle = null;
        toggle.target.dispatchEvent(new toggle.constructor(toggle.type, toggle));
      }
    }, function () {
      pendingToggle = null;
    });
  }

  if (palette) {
    applyPalette();
    palette.addEventListener("click", onToggle);
    palette.addEventListener("keydown", onToggle);
  }
  if (searchToggle && searchBox) {
    searchBox.addEventListener("focus", loadMaterial);
    searchToggle.addEventListener("change", function () {
      if (searchToggle.checked && !materialRuns()) {
        openSearch();
      }
    });
  }
  document.addEventListener("keydown", onKey);
  if (drawer) {
    document.addEventListener("click", function (event) {
      if (!materialRuns() && event.target.closest(".md-nav a[href^='#']")) {
        drawer.checked = false;
      }
    });
  }
  if (/[?&][qh]=/.test(location.search)) {
    loadMaterial();
  }
})();
