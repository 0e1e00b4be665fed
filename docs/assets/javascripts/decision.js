/* "How to choose": score() is macros/decision.py score(), step for step, on
 * the page's JSON copy of data/decision.yml; tests/browser/test_decision.py
 * checks both agree. Kept small for the page's transfer budget. */
(function () {
  "use strict";

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (whole, name) {
      return name in values ? String(values[name]) : whole;
    });
  }

  function find(list, id) {
    for (var i = 0; i < list.length; i++) if (list[i].id === id) return list[i];
    return null;
  }

  function score(d, answers) {
    var names = d.names, say = d.say, frameworks = Object.keys(names);
    var chosen = [], held = {}, best = {}, totals = {}, facts = {}, lines = [];
    d.questions.forEach(function (q) {
      var a = q.id in answers && find(q.answers, answers[q.id]);
      if (a) chosen.push({ q: q, a: a });
    });
    // Steps 0 to 5 of macros/decision.py.
    chosen.forEach(function (c) {
      for (var i = 0; i < chosen.length; i++) {
        var other = chosen[i].a;
        if (other !== c.a && other.fact && c.a.unless.indexOf(other.fact) >= 0) { held[c.q.id] = chosen[i].q; break; }
      }
    });
    chosen.forEach(function (c) {
      var a = c.a;
      if (a.favours && !(c.q.id in held) && (!(a.fact in best) || a.points > best[a.fact].a.points)) best[a.fact] = c;
    });
    frameworks.forEach(function (fw) { totals[fw] = 0; facts[fw] = 0; });
    Object.keys(best).forEach(function (fact) {
      var a = best[fact].a;
      totals[a.favours] += a.points;
      facts[a.favours] += 1;
    });
    var ranked = frameworks.slice().sort(function (x, y) { return totals[y] - totals[x]; });
    var lead = totals[ranked[0]] - (ranked.length > 1 ? totals[ranked[1]] : 0);
    var leader = lead > 0 ? ranked[0] : null;
    var firm = leader !== null && lead >= d.rules.lead && facts[leader] >= d.rules.facts;
    var knownAnswer = d.experience.id in answers ? find(d.experience.answers, answers[d.experience.id]) : null;
    var known = knownAnswer ? knownAnswer.knows : null;
    var kind = !chosen.length && !knownAnswer ? "nothing" : firm ? "firm" : known ? "experience" : leader ? "leans" : "either";

    chosen.forEach(function (c) {
      var a = c.a, by = held[c.q.id], first = best[a.fact];
      var key = by ? "held" : !a.favours ? "neutral" : first === c ? "counted" : "repeat";
      lines.push({ page: a.page, kind: key, side: a.favours, points: key === "counted" ? a.points : 0,
        text: fill(say[key], { side: names[a.favours], points: a.points,
          first: (by || first && first.q || {}).ask, reason: by ? a.otherwise : a.reason }) });
    });
    var who = { leader: names[leader], known: names[known] };
    if (knownAnswer) {
      var says = kind === "experience" ? "decides" : firm && known === leader ? "agrees" : firm && known ? "differs"
        : firm ? "neither_firm" : "neither_open";
      lines.push({ text: fill(say.experience_line, { text: fill(d.experience.says[says], who) }), page: null,
        kind: "experience", points: 0 });
    }
    // macros/decision.py _grouped(): what decides first, each reason with its group's title.
    var groups = say.groups;
    lines.forEach(function (line, i) {
      var k = line.kind, decides = kind === "experience";
      line.place = [k === "experience" ? (decides ? 0 : 99) : k === "counted" ? 1 + ranked.indexOf(line.side)
        : k === "neutral" ? 60 : 50, -line.points, i];
      line.group = k === "experience" ? groups[decides ? "decides" : "experience"]
        : k === "counted" ? fill(groups.side, { side: names[line.side], points: totals[line.side] })
        : groups[k === "neutral" ? "neutral" : "repeat"];
    });
    lines.sort(function (x, y) {
      for (var j = 0; j < 3; j++) if (x.place[j] !== y.place[j]) return x.place[j] - y.place[j];
      return 0;
    });
    var headline = fill(say[kind], who);
    var summary = kind === "nothing" ? "" : fill(say.totals, {
      totals: frameworks.map(function (fw) { return names[fw] + " " + totals[fw]; }).join(", ")
    }) + " " + fill(say[firm ? "firm_basis" : "open_basis"],
      firm ? { leader: names[leader], lead: lead, facts: facts[leader] } : d.rules);
    var pick = { firm: leader, leans: leader, experience: known }[kind] || null;
    var next = kind === "nothing" ? "" : pick ? fill(d.next.pick, { pick: names[pick] }) : d.next.both;
    return { kind: kind, headline: headline, summary: summary, lines: lines, pick: pick, next: next };
  }

  function appendText(parent, text) {
    text.split("`").forEach(function (piece, i) {
      if (!piece) return;
      var node = i % 2 ? document.createElement("code") : document.createTextNode(piece);
      if (i % 2) node.textContent = piece;
      parent.appendChild(node);
    });
  }

  function element(tag, className) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    return node;
  }

  // The address MkDocs wrote for this edition.
  function pageHref(form, key) {
    var link = (form.closest("article") || document).querySelector('a[data-page="' + key + '"]');
    return link && link.getAttribute("href");
  }

  // Material's linked tabs: chosen labels, newest first.
  function rememberTab(label) {
    var get = window.__md_get, set = window.__md_set;
    if (typeof get !== "function" || typeof set !== "function") return;
    set("__tabs", [label].concat((get("__tabs") || []).filter(function (tab) { return tab !== label; })));
  }

  function render(form, d, result) {
    var output = document.getElementById("decision-result");
    var status = document.getElementById("decision-status");
    clear(output, status);
    output.setAttribute("data-kind", result.kind);
    // Only the verdict is announced.
    var verdict = element("p", "decision-verdict"), strong = element("strong");
    appendText(strong, result.headline);
    verdict.appendChild(strong);
    if (result.summary) appendText(verdict, " " + result.summary);
    status.appendChild(verdict);
    // One titled list per group, the deciding reasons first.
    var list = null;
    result.lines.forEach(function (line, i) {
      if (!i || line.group !== result.lines[i - 1].group) {
        var title = element("h3", "decision-group");
        appendText(title, line.group);
        output.appendChild(title);
        list = output.appendChild(element("ul", "decision-reasons"));
      }
      var item = element("li"), href = line.page && pageHref(form, line.page);
      appendText(item, line.text);
      if (href) {
        var parts = d.say.see.split("{page}"), a = element("a");
        a.href = href;
        appendText(a, d.pages[line.page].title);
        appendText(item, parts[0]);
        item.appendChild(a);
        appendText(item, parts[1] || "");
      }
      list.appendChild(item);
    });
    var nextHref = result.next && pageHref(form, d.next.page);
    if (nextHref) {
      var step = element("p", "decision-next"), link = element("a", "md-button md-button--primary");
      link.href = nextHref;
      appendText(link, result.next);
      if (result.pick) {
        link.setAttribute("data-pick", result.pick);
        link.addEventListener("click", function () { rememberTab(d.names[result.pick]); });
      }
      step.appendChild(link);
      output.appendChild(step);
    }
    output.scrollIntoView();
  }

  function clear(output, status) {
    status.textContent = "";
    output.removeAttribute("data-kind");
    while (output.lastChild !== status) output.removeChild(output.lastChild);
  }

  function init() {
    var form = document.getElementById("decision-form");
    var data = document.getElementById("decision-rules");
    if (!form || !data || form.dataset.ready) return;
    var d = JSON.parse(data.textContent);
    form.dataset.ready = "1";
    form.hidden = false;
    // Beside the theme's skip link, replaced on a page change.
    var skip = element("a", "md-skip"), holder = document.querySelector('[data-md-component="skip"]');
    skip.id = "decision-skip";
    skip.href = "#decision-form";
    skip.textContent = form.dataset.skip;
    if (holder) holder.appendChild(skip);
    skip.addEventListener("click", function (event) {
      event.preventDefault();
      // for Zensical (CONTRIBUTING)
      event.stopPropagation();
      form.scrollIntoView();
      form.querySelector("input").focus({ preventScroll: true });
    });
    form.addEventListener("submit", function (event) {
      var answers = {};
      event.preventDefault();
      d.questions.concat([d.experience]).forEach(function (q) {
        var checked = form.querySelector('input[name="' + q.id + '"]:checked');
        if (checked) answers[q.id] = checked.value;
      });
      render(form, d, score(d, answers));
    });
    form.addEventListener("reset", function () {
      clear(document.getElementById("decision-result"), document.getElementById("decision-status"));
    });
  }

  init();
})();
