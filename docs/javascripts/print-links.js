// On paper, site.css (print section) writes each link's address after its text. A link within this
// site is relative ("../mastitis/"), so give it its full address, worked out from the
// page's canonical address rather than from wherever the page happens to be served.
document$.subscribe(function () {
  var canonical = document.querySelector('link[rel="canonical"]');
  var base = canonical ? canonical.href : location.href;
  var relativeLinks = '.md-content a[href]:not([href*=":"]):not([href^="#"]):not(.headerlink)';
  document.querySelectorAll(relativeLinks).forEach(function (link) {
    link.setAttribute("data-print-url", new URL(link.getAttribute("href"), base).href);
  });
});
