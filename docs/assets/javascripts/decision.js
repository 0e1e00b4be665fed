/*
 * The "How to choose" questionnaire (docs/choosing/decision.md).
 *
 * Loaded only by that page, from a <script> tag the decision_form() macro
 * writes after the form. Everything it knows (questions, points, facts,
 * thresholds, and every sentence it can show, with the measured figures
 * already written in at build time) comes from the JSON copy of
 * data/decision.yml in <script id="decision-rules">. score() below follows
 * macros/decision.py score() step for step; tests/browser/test_decision.py
 * runs reader profiles through this page and compares with the Python.
 * No libraries, no network requests.
 *
 * Material's instant navigation re-runs scripts inside the page content after
 * each page swap, so this script runs once per visit of the page.
 */
(function () {
  "use strict";

  var PLACEHOLDER = /\{(\w+)\}/g;

  function fill(template, values) {
    return template.replace(PLACEHOLDER, function (whole, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole;
    });
  }

  function find(list, id) {
    for (var i = 0; i < list.length; i++) if (list[i].id === id) return list[i];
    return null;
  }

  // answers: question id -> answer id, for the questions answered.
  function score(d, answers) {
    var names = d.names;
    var frameworks = Object.keys(names);
    var say = d.say;
    var chosen = [];
    d.questions.forEach(function (q) {
      if (!(q.id in answers)) return;
      var a = find(q.answers, answers[q.id]);
      if (a) chosen.push({ q: q, a: a });
    });

    // 0. An answer with `unless` is held by another answer standing for one of its facts.
    var held = {};
    chosen.forEach(function (c) {
      for (var i = 0; i < chosen.length; i++) {
        var other = chosen[i].a;
        if (other !== c.a && other.fact && c.a.unless.indexOf(other.fact) >= 0) {
          held[c.q.id] = chosen[i].q;
          break;
        }
      }
    });
    // 1. One fact counts once, at its highest points (the first such answer).
    var best = {};
    chosen.forEach(function (c) {
      if (c.a.favours && !(c.q.id in held) && (!(c.a.fact in best) || c.a.points > best[c.a.fact].a.points)) {
        best[c.a.fact] = c;
      }
    });
    // 2. Totals, and the leader.
    var totals = {}, facts = {};
    frameworks.forEach(function (fw) { totals[fw] = 0; facts[fw] = 0; });
    Object.keys(best).forEach(function (fact) {
      var a = best[fact].a;
      totals[a.favours] += a.points;
      facts[a.favours] += 1;
    });
    var ranked = frameworks.slice().sort(function (x, y) { return totals[y] - totals[x]; });
    var lead = totals[ranked[0]] - (ranked.length > 1 ? totals[ranked[1]] : 0);
    var leader = lead > 0 ? ranked[0] : null;
    // 3. A firm recommendation needs enough lead from enough separate facts.
    var firm = leader !== null && lead >= d.rules.lead && facts[leader] >= d.rules.facts;
    // 4. Experience decides only what the answers leave open.
    var knownAnswer = d.experience.id in answers ? find(d.experience.answers, answers[d.experience.id]) : null;
    var known = knownAnswer ? knownAnswer.knows : null;
    var kind = !chosen.length && !knownAnswer ? "nothing" : firm ? "firm" : known ? "experience" : leader ? "leans" : "either";

    var lines = [];
    chosen.forEach(function (c) {
      var a = c.a, said;
      if (c.q.id in held) said = fill(say.held, { first: held[c.q.id].ask, reason: a.otherwise });
      else if (!a.favours) said = fill(say.neutral, { reason: a.reason });
      else if (best[a.fact] === c) said = fill(say.counted, { side: names[a.favours], points: a.points, reason: a.reason });
      else said = fill(say.repeat, { side: names[a.favours], first: best[a.fact].q.ask, reason: a.reason });
      lines.push({ text: said, page: a.page || null });
    });
    if (knownAnswer) {
      var says = d.experience.says, said;
      if (kind === "experience") said = fill(says.decides, { known: names[known] });
      else if (firm && known === leader) said = fill(says.agrees, { leader: names[leader] });
      else if (firm && known) said = fill(says.differs, { known: names[known], leader: names[leader] });
      else said = firm ? says.neither_firm : says.neither_open;
      lines.push({ text: fill(say.experience_line, { text: said }), page: null });
    }

    var headline = {
      nothing: say.nothing,
      firm: firm ? fill(say.firm, { leader: names[leader] }) : "",
      experience: known ? fill(say.experience, { known: names[known] }) : "",
      leans: leader ? fill(say.leans, { leader: names[leader] }) : "",
      either: say.either
    }[kind];
    var summary = "";
    if (kind !== "nothing") {
      summary = fill(say.totals, {
        totals: frameworks.map(function (fw) { return names[fw] + " " + totals[fw]; }).join(", ")
      }) + " " + (firm
        ? fill(say.firm_basis, { leader: names[leader], lead: lead, facts: facts[leader] })
        : fill(say.open_basis, { lead: d.rules.lead, facts: d.rules.facts }));
    }
    // 5. The next step names the framework the result points to, if any.
    var pick = { firm: leader, leans: leader, experience: known }[kind] || null;
    var next = kind === "nothing" ? "" : pick ? fill(d.next.pick, { pick: names[pick] }) : d.next.both;
    return { kind: kind, headline: headline, summary: summary, lines: lines, pick: pick, next: next };
  }

  // Text with `code` in backticks, as nodes: odd pieces become <code>.
  function appendText(parent, text) {
    text.split("`").forEach(function (piece, i) {
      if (!piece) return;
      if (i % 2) {
        var code = document.createElement("code");
        code.textContent = piece;
        parent.appendChild(code);
      } else {
        parent.appendChild(document.createTextNode(piece));
      }
    });
  }

  function element(tag, className) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    return node;
  }

  // The reading list on the page links each page key (data-page="..."), with
  // the address MkDocs wrote for this edition (site, sub-path or file://).
  function pageHref(form, key) {
    var scope = form.closest("article") || document;
    var link = scope.querySelector('a[data-page="' + key + '"]');
    return link ? link.getAttribute("href") : null;
  }

  // Material's linked tabs remember the labels a reader chose, most recent
  // first, with the theme's own helpers (localStorage, under a key scoped to
  // the site's base address); every tab set on the next page opens on them.
  function rememberTab(label) {
    if (typeof window.__md_get !== "function" || typeof window.__md_set !== "function") return;
    var chosen = window.__md_get("__tabs") || [];
    window.__md_set("__tabs", [label].concat(chosen.filter(function (tab) { return tab !== label; })));
  }

  function render(form, d, result) {
    var output = document.getElementById("decision-result");
    var status = document.getElementById("decision-status");
    clear(output, status);
    output.setAttribute("data-kind", result.kind);
    // The verdict goes into the live region, which screen readers announce.
    var verdict = element("p", "decision-verdict");
    var strong = element("strong");
    appendText(strong, result.headline);
    verdict.appendChild(strong);
    if (result.summary) appendText(verdict, " " + result.summary);
    status.appendChild(verdict);
    if (result.lines.length) {
      var list = element("ul", "decision-reasons");
      result.lines.forEach(function (line) {
        var item = element("li");
        appendText(item, line.text);
        var href = line.page && pageHref(form, line.page);
        if (href) {
          var parts = fill(d.say.see, { page: "\u0000" }).split("\u0000");
          var a = element("a");
          a.href = href;
          appendText(a, d.pages[line.page].title);
          appendText(item, parts[0]);
          item.appendChild(a);
          appendText(item, parts[1] || "");
        } else if (line.page) {
          appendText(item, fill(d.say.see, { page: d.pages[line.page].title }));
        }
        list.appendChild(item);
      });
      output.appendChild(list);
    }
    var nextHref = result.next && pageHref(form, d.next.page);
    if (nextHref) {
      var step = element("p", "decision-next");
      var link = element("a", "md-button md-button--primary");
      link.href = nextHref;
      appendText(link, result.next);
      if (result.pick) {
        var label = d.names[result.pick];
        link.setAttribute("data-pick", result.pick);
        link.addEventListener("click", function () { rememberTab(label); });
      }
      step.appendChild(link);
      output.appendChild(step);
    }
    // Bring the result to the top of the screen (below the sticky header, by
    // its scroll-margin), so a phone shows its verdict first.
    output.scrollIntoView({ block: "start" });
  }

  function clear(output, status) {
    status.textContent = "";
    output.removeAttribute("data-kind");
    Array.prototype.slice.call(output.children).forEach(function (child) {
      if (child !== status) output.removeChild(child);
    });
  }

  function answersOf(form, d) {
    var answers = {};
    d.questions.map(function (q) { return q.id; }).concat([d.experience.id]).forEach(function (id) {
      var checked = form.querySelector('input[name="' + id + '"]:checked');
      if (checked) answers[id] = checked.value;
    });
    return answers;
  }

  // "Go to the questions": a second skip link beside the theme's "Skip to
  // content", so the keyboard reaches the first answer in a few key presses.
  // Material swaps its skip links on every page change, which removes it.
  function addSkipLink(form) {
    var skip = document.getElementById("decision-skip");
    var holder = document.querySelector('[data-md-component="skip"]');
    if (!skip) return;
    if (holder) holder.appendChild(skip);
    skip.hidden = false;
    skip.addEventListener("click", function (event) {
      event.preventDefault();
      var group = form.querySelector("fieldset");
      var first = group.querySelector("input:checked") || group.querySelector("input");
      form.scrollIntoView({ block: "start" });
      first.focus({ preventScroll: true });
    });
  }

  function init() {
    var form = document.getElementById("decision-form");
    var data = document.getElementById("decision-rules");
    if (!form || !data || form.dataset.ready) return;
    var d = JSON.parse(data.textContent);
    form.dataset.ready = "1";
    form.hidden = false;
    addSkipLink(form);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      render(form, d, score(d, answersOf(form, d)));
    });
    form.addEventListener("reset", function () {
      clear(document.getElementById("decision-result"), document.getElementById("decision-status"));
    });
  }

  init();
})();
