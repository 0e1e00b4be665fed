// What a reader sees on one page, measured in one pass (tests/browser/test_layout.py).
// Returns lists of problems, each a short string naming the element; empty lists pass.
// With { chrome: false }, the focus check looks at the page's content only: the
// header, navigation and footer are the same on every page, checked on the first.
async ({ chrome = true } = {}) => {
  await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))
  const vw = document.documentElement.clientWidth
  const scheme = document.body.dataset.mdColorScheme
  const name = el => {
    const id = el.id ? "#" + el.id : ""
    const cls = typeof el.className === "string" && el.className ? "." + el.className.trim().split(/\s+/).join(".") : ""
    const text = (el.textContent || "").trim().replace(/\s+/g, " ").slice(0, 40)
    return `${el.tagName.toLowerCase()}${id}${cls}${text ? ` "${text}"` : ""}`
  }
  const rendered = el => el.checkVisibility({ visibilityProperty: true }) && el.getClientRects().length > 0
  const scrolls = el => {
    const x = getComputedStyle(el).overflowX
    return (x === "auto" || x === "scroll") && el.scrollWidth > el.clientWidth + 1
  }
  const out = { overflow: [], scrollers: [], cells: [], diagramText: [], diagramClip: [], diagramScheme: [],
                focus: [], abbr: [], codeTabs: [], codeSideBySide: [], title: [], copy: [], firstPair: [], firstChart: [],
                counts: { scrollers: 0, diagrams: 0, controls: 0, code: 0 } }

  // 1. Nothing reaches past the page's right or left edge unless a scroll container holds it.
  if (document.documentElement.scrollWidth > vw + 1) out.overflow.push(`the page scrolls sideways: ${document.documentElement.scrollWidth} > ${vw} px`)
  for (const el of document.querySelectorAll(".md-header *, .md-main *, .md-footer *")) {
    if (el.closest(".md-sidebar, .md-search, .md-tooltip2, .md-annotation")) continue
    const r = el.getBoundingClientRect()
    if (!r.width || !r.height || (r.right <= vw + 1 && r.left >= -1)) continue
    let a = el.parentElement, held = false
    for (; a && a !== document.body; a = a.parentElement) {
      if (getComputedStyle(a).overflowX !== "visible") { held = true; break }
    }
    if (!held && rendered(el)) out.overflow.push(`${name(el)} reaches ${Math.round(r.left)}..${Math.round(r.right)} px of ${vw}`)
  }

  // 2. Every container that scrolls sideways shows it (a shadow at the edge with more to show,
  //    drawn behind content that lets it through) and can be reached and scrolled by keyboard.
  for (const el of document.querySelectorAll("article *")) {
    if (!scrolls(el) || !rendered(el)) continue
    out.counts.scrollers++
    const s = getComputedStyle(el)
    const shadows = (s.backgroundImage.match(/gradient\(/g) || []).length
    if (shadows < 4 || !/local/.test(s.backgroundAttachment) || !/scroll/.test(s.backgroundAttachment)) {
      out.scrollers.push(`${name(el)} scrolls sideways with no shadow at its edge`)
    }
    const inner = el.querySelector(":scope > * > table, :scope > table")
    if (inner && !/rgba\(0, 0, 0, 0\)|transparent/.test(getComputedStyle(inner).backgroundColor)) {
      out.scrollers.push(`${name(el)}: its table's background hides the scroll shadow`)
    }
    if (el.tabIndex < 0) out.scrollers.push(`${name(el)} scrolls sideways but cannot be focused to scroll by keyboard`)
    if (el.matches(".md-typeset__scrollwrap, pre > code") && !(el.getAttribute("role") === "region" && el.getAttribute("aria-label"))) {
      out.scrollers.push(`${name(el)} scrolls sideways but is not a named region`)
    }
  }

  // 3. No text in a table cell spills over its cell (cut off or over the next one).
  for (const cell of document.querySelectorAll("article td, article th")) {
    if (rendered(cell) && cell.scrollWidth > cell.clientWidth + 1) {
      out.cells.push(`${name(cell)}: ${cell.scrollWidth} px of text in a ${cell.clientWidth} px cell`)
    }
  }

  // 4. Diagrams: text 11 px or more on screen, inside its box and the drawing,
  //    and a background that follows the colour scheme with readable text on it;
  //    a chart inside the article, its bars 3:1 against the background.
  // A computed colour as [r, g, b, alpha] (0-255, alpha 0-1): rgb(), rgba() or color(srgb r g b / a).
  const rgb = c => {
    const n = (c.match(/[\d.]+/g) || []).map(Number)
    if (/^color\(srgb/.test(c)) return [n[0] * 255, n[1] * 255, n[2] * 255, n.length > 3 ? n[3] : 1]
    return n.length >= 3 ? [n[0], n[1], n[2], n.length > 3 ? n[3] : 1] : []
  }
  // A colour with alpha, as it looks over an opaque one.
  const over = (top, under) => top[3] >= 1 ? top : [0, 1, 2].map(i => top[i] * top[3] + under[i] * (1 - top[3])).concat(1)
  const luminance = ([r, g, b]) => {
    const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4 }
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b)
  }
  const contrast = (a, b) => { const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05) }
  const pageBg = over(rgb(getComputedStyle(document.body).backgroundColor), [255, 255, 255, 1])
  for (const svg of document.querySelectorAll("article figure.diagram svg, article figure.chart svg")) {
    if (!rendered(svg)) continue
    out.counts.diagrams++
    const label = svg.closest("figure").id || name(svg)
    const isChart = svg.closest("figure.chart"), box = svg.getBoundingClientRect(), article = svg.closest("article").getBoundingClientRect()
    if (isChart && (box.left < article.left - 1 || box.right > article.right + 1)) {
      out.diagramClip.push(`${label}: the chart reaches ${Math.round(box.left)}..${Math.round(box.right)} px, past the article's ${Math.round(article.left)}..${Math.round(article.right)}`)
    }
    const vb = svg.viewBox.baseVal
    const rects = [...svg.querySelectorAll("rect")].map(r => ({ el: r, box: r.getBBox() }))
    const panel = rects.find(r => r.box.width * r.box.height >= 0.9 * vb.width * vb.height)
    const fillOf = el => { const f = rgb(getComputedStyle(el).fill); return f.length && f[3] > 0 ? f : null }
    const panelFill = panel && fillOf(panel.el) ? over(fillOf(panel.el), pageBg) : null
    const background = panelFill || pageBg
    if (panelFill) {
      const dark = luminance(panelFill) < 0.2, pageDark = luminance(pageBg) < 0.2
      if (dark !== pageDark) out.diagramScheme.push(`${label}: a ${dark ? "dark" : "light"} panel on a ${pageDark ? "dark" : "light"} page (${scheme})`)
    }
    // A chart's bars are graphical objects: 3:1 against what is behind them (WCAG 1.4.11), in their fill or, unfilled, their outline.
    for (const bar of svg.querySelectorAll("rect.bar")) {
      const s = getComputedStyle(bar), paint = /^(rgb|color)/.test(s.fill) && rgb(s.fill)[3] > 0 ? s.fill : s.stroke
      const ratio = contrast(over(rgb(paint), background), background)
      if (ratio < 3) out.diagramScheme.push(`${label}: a bar has contrast ${ratio.toFixed(2)} (${scheme})`)
    }
    for (const text of svg.querySelectorAll("text")) {
      const m = text.getScreenCTM()
      const size = parseFloat(getComputedStyle(text).fontSize) * Math.hypot(m.a, m.b)
      if (size < 11 - 0.05) out.diagramText.push(`${label}: "${text.textContent}" renders at ${size.toFixed(1)} px`)
      const b = text.getBBox(), cx = b.x + b.width / 2, cy = b.y + b.height / 2
      const holders = rects.filter(r => r !== panel && r.box.x <= cx && cx <= r.box.x + r.box.width && r.box.y <= cy && cy <= r.box.y + r.box.height)
        .sort((p, q) => p.box.width * p.box.height - q.box.width * q.box.height)
      const box = holders.length ? holders[0].box : { x: vb.x, y: vb.y, width: vb.width, height: vb.height }
      const tol = 0.5
      if (!svg.closest("figure.chart") && (b.x < box.x - tol || b.y < box.y - tol || b.x + b.width > box.x + box.width + tol || b.y + b.height > box.y + box.height + tol)) {
        out.diagramClip.push(`${label}: "${text.textContent}" runs out of its ${holders.length ? "box" : "drawing"}`)
      }
      const boxFill = holders.length && fillOf(holders[0].el)
      const behind = boxFill ? over(boxFill, background) : background
      const ink = fillOf(text) && over(fillOf(text), behind)
      if (ink && contrast(ink, behind) < 4.5) out.diagramScheme.push(`${label}: "${text.textContent}" has contrast ${contrast(ink, behind).toFixed(2)} (${scheme})`)
    }
  }

  // 5. No abbreviation is underlined in a heading or the page title (its tooltip may stay).
  for (const abbr of document.querySelectorAll("article :is(h1, h2, h3, h4, h5, h6) abbr")) {
    const s = getComputedStyle(abbr)
    if (s.textDecorationLine !== "none" || (s.borderBottomStyle !== "none" && parseFloat(s.borderBottomWidth) > 0)) {
      out.abbr.push(`${name(abbr.closest("h1, h2, h3, h4, h5, h6"))}: "${abbr.textContent}" is underlined`)
    }
  }

  // 7. Code fits its box, on a screen wide enough for side by side: every code block of every
  //    tab (hidden ones shown for the measure) in tab mode, and with side by side on (extra.css).
  const wide = () => [...document.querySelectorAll("article pre > code")].filter(rendered)
    .filter(c => c.scrollWidth > c.clientWidth + 1)
    .map(c => `${c.closest(".highlight")?.querySelector(".filename")?.textContent.trim() || name(c)}: ${c.scrollWidth} px in ${c.clientWidth}`)
  if (matchMedia("(min-width: 76.25em)").matches) {
    const root = document.documentElement, on = root.classList.contains("sbs")
    const all = document.createElement("style")
    all.textContent = ".md-typeset .tabbed-block { display: block !important }"
    root.classList.remove("sbs")
    document.head.append(all)
    out.counts.code = document.querySelectorAll("article pre > code").length
    out.codeTabs = wide()
    all.remove()
    root.classList.add("sbs")
    out.codeSideBySide = wide()
    root.classList.toggle("sbs", on)
  }

  // 9. The first Flask/Django code pair starts on the first screen: the top of its shown
  //    code block, in page coordinates, leaves room for a few lines above the window's bottom.
  const pair = [...document.querySelectorAll("article .tabbed-set")]
    .find(set => set.querySelectorAll(":scope > .tabbed-content > .tabbed-block pre").length >= 2)
  const code = pair && [...pair.querySelectorAll(":scope > .tabbed-content > .tabbed-block pre")].find(rendered)
  const top = code ? Math.round(code.getBoundingClientRect().top + window.scrollY) : null
  if (top === null) out.firstPair.push("no Flask/Django code pair on the page")
  else if (top > innerHeight - 80) out.firstPair.push(`the first code pair starts ${top} px down, below the first ${innerHeight} px screen`)

  // 10. Results before method: a page's first chart starts within its first two screens.
  const chart = document.querySelector("article figure.chart")
  out.counts.charts = document.querySelectorAll("article figure.chart").length
  const chartTop = chart ? Math.round(chart.getBoundingClientRect().top + window.scrollY) : null
  if (chartTop !== null && chartTop > 2 * innerHeight) out.firstChart.push(`the first chart starts ${chartTop} px down, past two ${innerHeight} px screens`)

  // 8. The header's title is never cut, and no copy button covers the code it copies.
  for (const title of document.querySelectorAll(".md-header__topic .md-ellipsis")) {
    if (rendered(title) && title.scrollWidth > title.clientWidth + 1) out.title.push(`"${title.textContent.trim()}" is cut`)
  }
  for (const nav of document.querySelectorAll("article .md-code__nav")) {
    const code = nav.parentElement.querySelector(":scope > code")
    if (!code || !rendered(nav)) continue
    const n = nav.getBoundingClientRect(), first = code.querySelector("span")?.getBoundingClientRect()
    if (first && n.bottom > first.top + 1 && n.top < first.bottom && n.left < first.right) {
      out.copy.push(`the copy button covers the first line of ${nav.closest(".highlight")?.querySelector(".filename")?.textContent.trim() || "a code block"}`)
    }
  }

  // 6. Focus is visible on every control a keyboard reaches: focusing it draws an
  //    outline (3:1 against the page) or a box shadow (on the control, or on the label that stands for a hidden radio).
  // A radio group is one tab stop: its checked radio, or its first when none is (arrow keys move within it).
  const stop = el => {
    if (el.type !== "radio" || !el.name) return true
    const group = document.querySelectorAll(`input[type=radio][name="${CSS.escape(el.name)}"]`)
    return el.checked || (![...group].some(r => r.checked) && group[0] === el)
  }
  const controls = [...document.querySelectorAll(`${chrome ? "" : ".md-content "}:is(a[href], button, input, select, textarea, summary, [tabindex])`)]
    .filter(el => el.tabIndex >= 0 && !el.disabled && !(el.type === "hidden") && stop(el) && rendered(el))
  const mark = el => { const s = getComputedStyle(el); return { outline: s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0 ? `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}` : "", colour: s.outlineColor, shadow: s.boxShadow } }
  for (const el of controls) {
    const hidden = el.matches("input") && (el.getBoundingClientRect().width < 2 || getComputedStyle(el).opacity === "0")
    // A hidden radio shows its focus on its label, or (Material's palette toggle) on the label after it.
    const labels = hidden ? [el.id && document.querySelector(`label[for="${CSS.escape(el.id)}"]`), el.nextElementSibling]
      .filter(l => l && l.tagName === "LABEL" && rendered(l)) : []
    const shows = labels[0] || el
    if (!rendered(shows)) continue
    out.counts.controls++
    // Where the focus may show: the control, or for a hidden radio its label and the row of labels around it.
    const places = shows === el ? [el] : [shows, shows.parentElement]
    const before = places.map(mark)
    el.focus({ preventScroll: true })
    if (document.activeElement !== el) continue  // something else took it (a script); not a tab stop
    const after = places.map(mark)
    const opaque = m => m.outline && !/rgba\(\d+, \d+, \d+, 0\)|transparent/.test(m.outline)
    const drawn = after.some((m, i) => (opaque(m) && (shows === el || m.outline !== before[i].outline)) ||
                                       (m.shadow !== "none" && m.shadow !== before[i].shadow))
    if (!drawn || !el.matches(":focus-visible")) out.focus.push(`${name(el)}${shows !== el ? ` (shown on ${name(shows)})` : ""}`)
    // An outline drawn for focus stands out from the page: 3:1 (WCAG 1.4.11).
    for (const [i, m] of after.entries()) {
      const ratio = contrast(over(rgb(m.colour), pageBg), pageBg)
      if (opaque(m) && (shows === el || m.outline !== before[i].outline) && ratio < 3) out.focus.push(`${name(el)}: its focus outline has contrast ${ratio.toFixed(2)} (${scheme})`)
    }
  }
  if (document.activeElement) document.activeElement.blur()
  return out
}
