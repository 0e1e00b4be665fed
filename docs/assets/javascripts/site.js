/*
 * The site's own script, on every page; served without its comments
 * (macros/assets.py). Two small additions to Material:
 *
 * 1. Search for command-line options such as `flask --app`.
 *    Material hands the query to lunr, whose syntax reads "-" before a word
 *    as "must not contain"; "--app" is then an invalid query and finds
 *    nothing. Before a query reaches the search worker, a leading "--" is
 *    dropped, so "flask --app" searches for "flask app". A single "-word"
 *    keeps its lunr meaning (exclude the word). Queries are the worker
 *    messages of type 2 in Material 9.x; tests/browser checks this still
 *    works when Material changes.
 *
 * 2. Tables that scroll sideways reach the keyboard.
 *    A table wider than the screen scrolls inside Material's wrapper
 *    (.md-typeset__scrollwrap), and extra.css draws a shadow at the edge that
 *    has more to show. While a wrapper scrolls, it is also a region in the
 *    tab order, named after the heading above it ("Table: Migrate the
 *    schema, scrolls sideways"), so the arrow keys scroll it once it has
 *    focus and a screen reader announces it. A wrapper that fits is none of
 *    this, so it adds no tab stop.
 */
(function () {
  const QUERY = 2;
  const post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (message, ...rest) {
    if (message && message.type === QUERY && typeof message.data === "string") {
      message = { ...message, data: message.data.replace(/(^|\s)--(?=[^\s-])/g, "$1") };
    }
    return post.call(this, message, ...rest);
  };
})();

(function () {
  const heading = wrap => [...document.querySelectorAll("article :is(h1, h2, h3)")]
    .filter(h => h.compareDocumentPosition(wrap) & Node.DOCUMENT_POSITION_FOLLOWING).pop();
  const update = wrap => {
    const scrolls = wrap.scrollWidth > wrap.clientWidth + 1;
    if (scrolls === (wrap.getAttribute("role") === "region")) return;
    if (scrolls) {
      // The heading's text, less Material's permalink sign.
      const name = heading(wrap)?.textContent.replace("¶", "").trim();
      wrap.setAttribute("role", "region");
      wrap.setAttribute("aria-label", `Table${name ? `: ${name}` : ""}, scrolls sideways`);
      wrap.tabIndex = 0;
    } else {
      ["role", "aria-label", "tabindex"].forEach(attribute => wrap.removeAttribute(attribute));
    }
  };
  // The wrapper and the table's own box: either changing size can start or stop the scrolling.
  const sizes = new ResizeObserver(entries => entries.forEach(e => update(e.target.closest(".md-typeset__scrollwrap"))));
  const mount = () => {
    sizes.disconnect();
    document.querySelectorAll(".md-typeset__scrollwrap, .md-typeset__table").forEach(el => sizes.observe(el));
  };
  // Material replaces the page on instant navigation and emits on document$.
  if (typeof document$ !== "undefined") document$.subscribe(mount);
  else document.addEventListener("DOMContentLoaded", mount);
})();

/*
 * 3. Side by side (extra.css). A button in the header, after the colour
 *    scheme's, switches every Flask/Django tab set to two columns and back,
 *    on every page: the choice is kept in localStorage under the site's own
 *    scope (Material's __md_set, as for the linked-tab choice), and
 *    overrides/main.html applies it in <head>, before the page is drawn. A
 *    real toggle (aria-pressed) named by its title; each tab's panel is a
 *    group named after its framework, which labels the column. The button
 *    shows only on a wide screen (extra.css) and on a page with tab sets.
 *    The browser's scroll anchoring keeps the reader's place on a switch.
 */
(function () {
  const root = document.documentElement;
  const button = document.createElement("button");
  button.className = "md-header__button md-icon sbs-toggle";
  button.title = "Flask and Django side by side";
  button.innerHTML = '<svg viewBox="0 0 24 24"><path d="M3 4h8v16H3zm10 0h8v16h-8z"/></svg>';
  const show = () => button.ariaPressed = root.classList.contains("sbs");
  button.onclick = () => __md_set("__sbs", show(root.classList.toggle("sbs")));
  const mount = () => {
    document.querySelector("[data-md-component=palette]")?.after(button);
    const sets = document.querySelectorAll("article .tabbed-set");
    button.hidden = !sets.length;
    sets.forEach(set => set.querySelectorAll(".tabbed-block").forEach((block, i) => {
      block.role = "group";
      block.ariaLabel = set.querySelectorAll("label")[i]?.textContent;
    }));
    show();
  };
  if (typeof document$ !== "undefined") document$.subscribe(mount);
  else document.addEventListener("DOMContentLoaded", mount);
})();
