/* "Copy page": the page's Markdown copy (macros/llms.py writes it beside the
   page; overrides/partials/actions.html names it in data-copy-page) onto the
   clipboard. Loaded on every page by overrides/main.html; one listener on the
   document, so it also serves pages that instant navigation swaps in.
   Served over HTTP the copy is fetched. From file:// (the offline edition, the
   zip) a page may not fetch another file, so there the copy's script twin,
   <name>.md.js, is loaded and hands the text to window.copyPageMarkdown. */
(function () {
  function load(url) {
    if (location.protocol !== "file:")
      return fetch(url).then(function (response) {
        if (!response.ok) throw new Error(response.status)
        return response.text()
      })
    return new Promise(function (resolve, reject) {
      var script = document.createElement("script")
      window.copyPageMarkdown = resolve
      script.src = url + ".js"
      script.onerror = reject
      script.onload = function () { script.remove() }
      document.head.appendChild(script)
    })
  }
  function say(message) {
    // Material's (and Zensical's) own "Copied to clipboard" notice.
    if (window.alert$) window.alert$.next(message)
  }
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("[data-copy-page]")
    if (!button) return
    var url = new URL(button.getAttribute("data-copy-page"), location.href).href
    load(url)
      .then(function (text) { return navigator.clipboard.writeText(text) })
      .then(function () { say("Page copied as Markdown") },
            function () { say("Could not copy the page; open it as Markdown instead") })
  })
})()
