// "Link to this page": add a button that copies the page's address. Without JavaScript,
// or without a clipboard, the address is still there as plain text to select and copy.
document$.subscribe(function () {
  if (!navigator.clipboard) {
    return;
  }
  document.querySelectorAll(".link-to-this-page").forEach(function (box) {
    var address = box.querySelector(".page-url");
    if (!address || box.querySelector(".copy-link")) {
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
});
