/*
 * A table wider than the screen scrolls sideways inside Material's wrapper
 * (.md-typeset__scrollwrap), and extra.css draws a shadow at the edge that
 * has more to show. A pointer can scroll it; this lets a keyboard and a
 * screen reader find it too: while a wrapper scrolls, it is a region in the
 * tab order, named after the heading above it ("Table: Migrate the schema,
 * scrolls sideways"), and the arrow keys scroll it once it has focus. A
 * wrapper that fits loses all three, so it adds no tab stop.
 */
(function () {
  function heading(wrap) {
    var found = null
    document.querySelectorAll("article h1, article h2, article h3").forEach(function (h) {
      if (h.compareDocumentPosition(wrap) & Node.DOCUMENT_POSITION_FOLLOWING) found = h
    })
    if (!found) return ""
    var text = ""
    found.childNodes.forEach(function (node) {
      if (!(node.classList && node.classList.contains("headerlink"))) text += node.textContent
    })
    return text.trim()
  }

  function update(wrap) {
    if (wrap.scrollWidth > wrap.clientWidth + 1) {
      if (wrap.getAttribute("role") === "region") return
      var name = heading(wrap)
      wrap.setAttribute("role", "region")
      wrap.setAttribute("aria-label", "Table" + (name ? ": " + name : "") + ", scrolls sideways")
      wrap.tabIndex = 0
    } else {
      wrap.removeAttribute("role")
      wrap.removeAttribute("aria-label")
      wrap.removeAttribute("tabindex")
    }
  }

  var observer = new ResizeObserver(function (entries) {
    entries.forEach(function (entry) {
      var wrap = entry.target.closest(".md-typeset__scrollwrap")
      if (wrap) update(wrap)
    })
  })

  function mount() {
    observer.disconnect()
    document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (wrap) {
      observer.observe(wrap)
      if (wrap.firstElementChild) observer.observe(wrap.firstElementChild)
    })
  }

  // Material replaces the page on instant navigation and emits on document$.
  if (typeof document$ !== "undefined") document$.subscribe(mount)
  else document.addEventListener("DOMContentLoaded", mount)
})()
