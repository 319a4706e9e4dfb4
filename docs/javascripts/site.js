// The site's own script: loads Material's script when a reader first needs it, adds the
// "Copy link" button and gives printed links their full address. Runs at the end of the
// page, so the document is there.

// Material's script runs search, the colour toggle and the contents tracking. With its
// search worker and index it is about 74 kB compressed: three times the article itself.
// Most readers only read, often on slow, metered phones, so it loads when a reader first
// reaches for search or the colour toggle, or arrives from a search link (?q= or ?h=).
// Until then the page is Material's no-JavaScript page with search and the toggle shown
// (site.css), and the system's light or dark setting applied, as Material would.
(function () {
  var bundle = document.currentScript.dataset.bundle;
  var root = document.documentElement;
  var searchToggle = document.getElementById("__search");
  var searchBox = document.querySelector("[data-md-component=search-query]");
  var palette = document.querySelector("[data-md-component=palette]");
  var loading = null;

  // Resolves once Material's script has run; if it fails to load (a phone losing its
  // signal), the reader's next tap or key tries again.
  function loadMaterial() {
    if (!loading) {
      loading = new Promise(function (resolve) {
        var script = document.createElement("script");
        script.src = bundle;
        script.onload = resolve;
        script.onerror = function () {
          script.remove();
          loading = null;
        };
        document.body.appendChild(script);
      });
    }
    return loading;
  }

  // The palette Material would start with: the reader's stored choice, else the one whose
  // media query (light or dark system setting) matches. Show the toggle that leaves it.
  function applyPalette() {
    var inputs = Array.prototype.slice.call(palette.querySelectorAll("input"));
    var stored = window.__md_get && __md_get("__palette");
    var index = stored ? stored.index : inputs.findIndex(function (input) {
      return matchMedia(input.dataset.mdColorMedia).matches;
    });
    var active = inputs[Math.max(0, Math.min(index, inputs.length - 1))];
    active.checked = true;
    // Like Material, switch without colour transitions (a contrast check could see one).
    document.body.setAttribute("data-md-color-switching", "");
    ["media", "scheme", "primary", "accent"].forEach(function (key) {
      document.body.setAttribute("data-md-color-" + key, active.getAttribute("data-md-color-" + key));
    });
    requestAnimationFrame(function () {
      document.body.removeAttribute("data-md-color-switching");
    });
    palette.querySelectorAll("label").forEach(function (label) {
      label.hidden = label.previousElementSibling !== active;
    });
  }

  function openSearch() {
    searchToggle.checked = true;
    searchBox.focus();
  }

  function isTyping(target) {
    return target.isContentEditable || /^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName);
  }

  root.classList.add("material-on-demand");
  if (palette) {
    applyPalette();
  }
  if (/[?&][qh]=/.test(location.search)) {
    loadMaterial();
    return;
  }
  if (searchToggle && searchBox) {
    searchBox.addEventListener("focus", loadMaterial);
    searchToggle.addEventListener("change", function () {
      if (searchToggle.checked) {
        openSearch();
      }
    });
    // Material's keys for search: "/", "s" and "f" (Material handles them once loaded).
    document.addEventListener("keydown", function (event) {
      if (!loading && /^[/sf]$/.test(event.key) && !event.ctrlKey && !event.metaKey &&
          !event.altKey && !isTyping(event.target)) {
        event.preventDefault();
        openSearch();
      }
    });
  }
  if (palette) {
    // The first click or Enter on the toggle loads Material, which then handles it.
    ["click", "keydown"].forEach(function (type) {
      palette.addEventListener(type, function (event) {
        if (loading || (type === "keydown" && event.key !== "Enter")) {
          return;
        }
        event.preventDefault();
        var replay = new event.constructor(event.type, event);
        loadMaterial().then(function () {
          event.target.dispatchEvent(replay);
        });
      });
    });
  }
})();

// "Link to this page": add a button that copies the page's address. Without JavaScript,
// or without a clipboard, the address is still there as plain text to select and copy.
(function () {
  if (!navigator.clipboard) {
    return;
  }
  document.querySelectorAll(".link-to-this-page").forEach(function (box) {
    var address = box.querySelector(".page-url");
    if (!address) {
      return;
    }
    var button = document.createElement("button");
    button.type = "button";
    button.className = "md-button copy-link";
    button.textContent = "Copy link";
    var status = document.createElement("span");
    status.className = "copy-link-status";
    status.setAttribute("role", "status");
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(address.textContent.trim()).then(
        function () { status.textContent = "Link copied"; },
        function () { status.textContent = "Could not copy: select the address and copy it"; }
      );
    });
    address.parentNode.after(button, status);
  });
})();

// On paper, site.css (print section) writes each link's address after its text. A link
// within this site is relative ("../mastitis/"), so give it its full address, worked out
// from the page's canonical address rather than from wherever the page happens to be served.
(function () {
  var canonical = document.querySelector('link[rel="canonical"]');
  var base = canonical ? canonical.href : location.href;
  var relativeLinks = '.md-content a[href]:not([href*=":"]):not([href^="#"]):not(.headerlink)';
  document.querySelectorAll(relativeLinks).forEach(function (link) {
    link.setAttribute("data-print-url", new URL(link.getAttribute("href"), base).href);
  });
})();
