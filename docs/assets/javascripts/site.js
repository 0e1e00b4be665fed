/*
 * The site's own script, on every page; served without its comments
 * (macros/assets.py). Small additions to Material:
 *
 * 1. Search for command-line options such as `flask --app`.
 *    Material hands the query to lunr, whose syntax reads "-" before a word
 *    as "must not contain"; "--app" is then an invalid query and finds
 *    nothing. Before a query reaches the search worker, a leading "--" is
 *    dropped, so "flask --app" searches for "flask app". A single "-word"
 *    keeps its lunr meaning (exclude the word). Queries are the worker
 *    messages of type 2 in Material 9.x; tests/browser checks this still
 *    works when Material changes.
 *    Zensical's worker takes the query as { input } and needs every word
 *    of it in one section; its index, like Material's (lunr), holds no stop
 *    words (macros/search.py), so they are dropped from the query too
 *    ("which is faster" searches for "faster"), unless nothing else is left.
 *    Material's query of several words is made to need them all as well.
 *
 * 2. Tables that scroll sideways reach the keyboard.
 *    A table wider than the screen scrolls inside Material's wrapper
 *    (.md-typeset__scrollwrap), and extra.css draws a shadow at the edge that
 *    has more to show. While a wrapper scrolls, it is also a region in the
 *    tab order, named after the heading above it ("Table: Migrate the
 *    schema, scrolls sideways"), so the arrow keys scroll it once it has
 *    focus and a screen reader announces it. A wrapper that fits is none of
 *    this, so it adds no tab stop.
 *
 * 3. Code blocks that scroll sideways reach the keyboard, everywhere.
 *    With `content.lazy` (mkdocs.yml), Material sets up a code block only
 *    once it scrolls into view, and then makes it focusable only where the
 *    device can hover. Here every block whose code is wider than its box is,
 *    from the start and on every device, a region in the tab order named
 *    after its file ("Code: routing/flask_app.py, scrolls sideways"; a second
 *    block from the same file "(2)"), so
 *    the arrow keys scroll it; when Material later takes the tab stop away,
 *    it is put back. A block that fits adds no tab stop.
 */
(function () {
  const QUERY = 2;
  // lunr's English stop words, as macros/search.py's STOP_WORDS.
  const STOP = new Set(("a able about across after all almost also am among an and any are as at be " +
    "because been but by can cannot could dear did do does either else ever every for from get got had " +
    "has have he her hers him his how however i if in into is it its just least let like likely may me " +
    "might most must my neither no nor not of off often on only or other our own rather said say says " +
    "she should since so some than that the their them then there these they this tis to too twas us " +
    "wants was we were what when where which while who whom why will with would yet you your").split(" "));
  const options = query => query.replace(/(^|\s)--(?=[^\s-])/g, "$1");
  const words = query => {
    const kept = query.split(/\s+/).filter(word => word && !STOP.has(word.toLowerCase()));
    return kept.length ? kept.join(" ") : query;
  };
  // Material: a query of two words or more finds the sections that have them all,
  // as Zensical's does. As typed, lunr ORs the words, and a title holding any
  // one of them (boosted 1000x) outranks the section that has them all.
  // Each word is made required (lunr's "+"), still matched as a prefix ("*")
  // as Material matches every word while the reader types; stop words are
  // dropped first, as lunr would drop them. A query that already uses lunr's
  // syntax (+word, -word, "a phrase", word~1, title:word) is left as typed.
  const every = query => {
    if (/(^|\s)[+-]|["*~^:]/.test(query)) return query;
    const kept = words(query).split(/\s+/).filter(Boolean);
    return kept.length > 1 ? kept.map(word => `+${word}*`).join(" ") : query;
  };
  const post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (message, ...rest) {
    if (message && message.type === QUERY && typeof message.data === "string") {
      message = { ...message, data: every(options(message.data)) };
    } else if (message && message.type === QUERY && typeof message.data?.input === "string") {
      message = { ...message, data: { ...message.data, input: words(options(message.data.input)) } };
    }
    return post.call(this, message, ...rest);
  };
})();

(function () {
  const heading = wrap => [...document.querySelectorAll("article :is(h1, h2, h3)")]
    .filter(h => h.compareDocumentPosition(wrap) & Node.DOCUMENT_POSITION_FOLLOWING).pop();
  const update = ([wrap, scrolls]) => {
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
  // Every size is read before any attribute is written (one layout, not one per table).
  const sizes = new ResizeObserver(entries => {
    const wraps = new Set(entries.map(e => e.target.closest(".md-typeset__scrollwrap")).filter(Boolean));
    [...wraps].map(wrap => [wrap, wrap.scrollWidth > wrap.clientWidth + 1]).forEach(update);
  });
  const mount = () => {
    sizes.disconnect();
    document.querySelectorAll(".md-typeset__scrollwrap, .md-typeset__table").forEach(el => sizes.observe(el));
  };
  // Material replaces the page on instant navigation and emits on document$.
  if (typeof document$ !== "undefined") document$.subscribe(mount);
  else document.addEventListener("DOMContentLoaded", mount);
})();

(function () {
  const file = code => code.closest(".highlight")?.querySelector(".filename")?.textContent.trim();
  // Every size is read before any attribute is written: a write between two
  // reads would make the browser lay the page out again for the next read.
  const update = codes => {
    const read = codes.map(code => [code, code.scrollWidth > code.clientWidth + 1]);
    // A region's name is unique on the page: the second block from one file is "(2)".
    const taken = new Set([...document.querySelectorAll('[role="region"][aria-label]')]
      .map(el => el.getAttribute("aria-label")));
    for (const [code, scrolls] of read) {
      if (scrolls) {
        if (code.getAttribute("tabindex") !== "0") code.setAttribute("tabindex", "0");
        if (code.getAttribute("role") !== "region") {
          const base = `Code${file(code) ? `: ${file(code)}` : ""}`;
          let label = `${base}, scrolls sideways`;
          for (let n = 2; taken.has(label); n++) label = `${base} (${n}), scrolls sideways`;
          taken.add(label);
          code.setAttribute("role", "region");
          code.setAttribute("aria-label", label);
        }
      } else if (code.getAttribute("role") === "region") {
        taken.delete(code.getAttribute("aria-label"));
        ["role", "aria-label", "tabindex"].forEach(attribute => code.removeAttribute(attribute));
      }
    }
  };
  const sizes = new ResizeObserver(entries => update(entries.map(e => e.target)));
  // Material's own set-up of a block adds or removes its tab stop.
  const stops = new MutationObserver(changes => update([...new Set(changes.map(c => c.target))]));
  const mount = () => {
    sizes.disconnect();
    stops.disconnect();
    document.querySelectorAll(".md-typeset pre > code").forEach(code => {
      sizes.observe(code);
      stops.observe(code, { attributes: true, attributeFilter: ["tabindex"] });
    });
  };
  if (typeof document$ !== "undefined") document$.subscribe(mount);
  else document.addEventListener("DOMContentLoaded", mount);
})();

/*
 * 4. Side by side (extra.css). A button in the header, after the colour
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
