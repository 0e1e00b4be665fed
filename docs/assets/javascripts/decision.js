/*
 * The "How to choose" questionnaire (docs/choosing/decision.md).
 *
 * Loaded only by that page, from a <script> tag the decision_form() macro
 * writes after the form. Everything it knows (questions, points, facts,
 * thresholds, and every sentence it can show) comes from the JSON copy of
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

    // 1. One fact counts once, at its highest points (the first such answer).
    var best = {};
    chosen.forEach(function (c) {
      if (c.a.favours && (!(c.a.fact in best) || c.a.points > best[c.a.fact].a.points)) best[c.a.fact] = c;
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
      if (!a.favours) said = fill(say.neutral, { reason: a.reason });
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
    return { kind: kind, headline: headline, summary: summary, lines: lines };
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

  // The reading list on the page links each page key (data-page="...").
  function pageLink(form, d, key) {
    var scope = form.closest("article") || document;
    var link = scope.querySelector('a[data-page="' + key + '"]');
    if (!link) return null;
    var a = element("a");
    a.href = link.getAttribute("href");
    appendText(a, d.pages[key].title);
    return a;
  }

  function render(form, output, d, result) {
    output.textContent = "";
    var verdict = element("p", "decision-verdict");
    verdict.setAttribute("data-kind", result.kind);
    var strong = element("strong");
    appendText(strong, result.headline);
    verdict.appendChild(strong);
    if (result.summary) appendText(verdict, " " + result.summary);
    output.appendChild(verdict);
    if (!result.lines.length) return;
    var list = element("ul", "decision-reasons");
    result.lines.forEach(function (line) {
      var item = element("li");
      appendText(item, line.text);
      var link = line.page && pageLink(form, d, line.page);
      if (link) {
        var parts = fill(d.say.see, { page: "\u0000" }).split("\u0000");
        appendText(item, parts[0]);
        item.appendChild(link);
        appendText(item, parts[1] || "");
      } else if (line.page) {
        appendText(item, fill(d.say.see, { page: d.pages[line.page].title }));
      }
      list.appendChild(item);
    });
    output.appendChild(list);
  }

  function answersOf(form, d) {
    var answers = {};
    d.questions.map(function (q) { return q.id; }).concat([d.experience.id]).forEach(function (id) {
      var checked = form.querySelector('input[name="' + id + '"]:checked');
      if (checked) answers[id] = checked.value;
    });
    return answers;
  }

  function init() {
    var form = document.getElementById("decision-form");
    var output = document.getElementById("decision-result");
    var data = document.getElementById("decision-rules");
    if (!form || !output || !data || form.dataset.ready) return;
    var d = JSON.parse(data.textContent);
    form.dataset.ready = "1";
    form.hidden = false;
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      render(form, output, d, score(d, answersOf(form, d)));
    });
    form.addEventListener("reset", function () {
      output.textContent = "";
    });
  }

  init();
})();
