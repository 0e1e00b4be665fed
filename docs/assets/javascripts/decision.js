/*
 * The "How to choose" questionnaire (docs/choosing/decision.md).
 *
 * The form's radios are in the page; this script only reveals the form and
 * turns the answers into a recommendation. Every answer's points and reason
 * live in ANSWERS below; the page's no-script list states the same points, so
 * change both together. No libraries, no network requests.
 *
 * Scoring: add each answer's points per framework. A lead of LEAD points or
 * more is a recommendation; anything closer is "either fits", and the answer
 * to the TIEBREAK question (what the team knows) names the one to start with.
 */
(function () {
  "use strict";

  var LEAD = 2;
  var TIEBREAK = "experience";
  var NAMES = { flask: "Flask", django: "Django" };

  // question name -> answer value -> { flask, django, reason, page }
  // `page` names a link in the page's reading list (data-page="...").
  var ANSWERS = {
    team: {
      small: { flask: 0, django: 0, reason: "A team of one to three can work well in either; team size alone does not decide it." },
      growing: { flask: 0, django: 2, page: "tooling", reason: "People joining a Django project find the same layout and commands as in every other one; a Flask team has to write its conventions down." },
      teams: { flask: 2, django: 0, page: "scope", reason: "Teams that each own a part and deploy on their own schedule suit separate small services, the shape Flask is built for." }
    },
    admin: {
      yes: { flask: 0, django: 3, page: "admin", reason: "Django's admin gives staff a permission-checked back office generated from your models, with nothing to add." },
      no: { flask: 0, django: 0, reason: "With no back office to build, Django's admin is not a reason to pick it." }
    },
    shape: {
      api: { flask: 2, django: 0, page: "scope", reason: "An API-only service uses none of Django's templates, forms or admin; Flask returns JSON with nothing extra installed." },
      services: { flask: 3, django: 0, page: "scope", reason: "One small service among many is the case the article's author prefers Flask for: a small core, deployed on its own." },
      content: { flask: 0, django: 3, page: "admin", reason: "Content-heavy sites are where the article credits Django: the ORM, migrations and admin already work together." },
      webapp: { flask: 0, django: 2, page: "scope", reason: "Accounts, forms with CSRF protection, the ORM and migrations are built into Django and wired together." }
    },
    deadline: {
      days: { flask: 2, django: 0, page: "size", reason: "A small prototype in days: one Flask file runs in minutes and there is little to learn first." },
      weeks: { flask: 0, django: 2, page: "admin", reason: "A product with accounts and data management in weeks: Django has already built the parts you would otherwise assemble." },
      none: { flask: 0, django: 0, reason: "Without a hard deadline, speed of the first version does not tip the balance." }
    },
    frontend: {
      separate: { flask: 2, django: 0, page: "scope", reason: "With a separate JavaScript or mobile front end, the back end only serves data, and Flask leaves you in full control of it." },
      choose: { flask: 1, django: 0, page: "size", reason: "You want to pick every front-end piece yourself; Flask assumes none of them, which is the control the article values." },
      builtin: { flask: 0, django: 1, page: "tooling", reason: "Server-rendered pages the framework's way: Django's templates, forms and static files already fit together." }
    },
    experience: {
      flask: { flask: 3, django: 0, reason: "Your team knows Flask; experience outweighs most other differences, which is where the article ends." },
      django: { flask: 0, django: 3, reason: "Your team knows Django; experience outweighs most other differences, which is where the article ends." },
      neither: { flask: 0, django: 0, reason: "Nobody's habits tip the balance; the other answers decide." }
    },
    hosting: {
      capped: { flask: 1, django: 0, page: "size", reason: "Size-capped hosting (serverless bundles, many small images): Flask on its own installs a fraction of what Django does, as long as the service needs few add-ons." },
      ordinary: { flask: 0, django: 0, reason: "On an ordinary server or platform the difference in install size does not matter." }
    }
  };

  function text(tag, content, className) {
    var node = document.createElement(tag);
    if (content) node.textContent = content;
    if (className) node.className = className;
    return node;
  }

  function pageLink(form, page) {
    var scope = form.closest("article") || document;
    var link = scope.querySelector('a[data-page="' + page + '"]');
    if (!link) return null;
    var a = text("a", link.textContent);
    a.href = link.getAttribute("href");
    return a;
  }

  function recommend(form) {
    var totals = { flask: 0, django: 0 };
    var reasons = [];
    Object.keys(ANSWERS).forEach(function (question) {
      var checked = form.querySelector('input[name="' + question + '"]:checked');
      var answer = checked && ANSWERS[question][checked.value];
      if (!answer) return;
      totals.flask += answer.flask;
      totals.django += answer.django;
      var side = answer.flask > answer.django ? "flask" : answer.django > answer.flask ? "django" : null;
      reasons.push({ side: side, answer: answer });
    });
    return { totals: totals, reasons: reasons };
  }

  function render(form, output, result) {
    output.textContent = "";
    if (!result.reasons.length) {
      output.appendChild(text("p", "Answer at least one question to get a recommendation."));
      return;
    }
    var t = result.totals;
    var lead = Math.abs(t.flask - t.django);
    var winner = t.flask > t.django ? "flask" : "django";
    var verdict = text("p", null, "decision-verdict");
    var known = form.querySelector('input[name="' + TIEBREAK + '"]:checked');
    var tie = NAMES[known && known.value]
      ? "Either fits; your team knows " + NAMES[known.value] + ", so start there."
      : "Either fits: choose the one your team knows better.";
    var strong = text("strong", lead >= LEAD ? "Recommendation: " + NAMES[winner] + "." : tie);
    verdict.appendChild(strong);
    verdict.appendChild(document.createTextNode(
      " Points from your answers: Flask " + t.flask + ", Django " + t.django +
      (lead >= LEAD ? "." : " (a lead under " + LEAD + " points counts as a tie).")
    ));
    output.appendChild(verdict);
    output.appendChild(text("p", "Why:"));
    var list = text("ul");
    result.reasons.forEach(function (r) {
      var item = text("li");
      var label = r.side ? "For " + NAMES[r.side] + " (+" + r.answer[r.side] + "): " : "Neutral: ";
      item.appendChild(text("strong", label));
      item.appendChild(document.createTextNode(r.answer.reason));
      var link = r.answer.page && pageLink(form, r.answer.page);
      if (link) {
        item.appendChild(document.createTextNode(" See "));
        item.appendChild(link);
        item.appendChild(document.createTextNode("."));
      }
      list.appendChild(item);
    });
    output.appendChild(list);
  }

  function init() {
    var form = document.getElementById("decision-form");
    var output = document.getElementById("decision-result");
    if (!form || !output || form.dataset.ready) return;
    form.dataset.ready = "1";
    form.hidden = false;
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      render(form, output, recommend(form));
    });
    form.addEventListener("reset", function () {
      output.textContent = "";
    });
  }

  // Material's instant navigation swaps pages without reloading scripts;
  // document$ emits after each swap (and on the first load).
  if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
