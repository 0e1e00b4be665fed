"""Translations: each page answers in English and in French, by URL prefix and by Accept-Language;
the committed catalogues hold every marked string and match their compiled .mo files, as the
page's commands (pybabel; makemessages and compilemessages, which need GNU gettext) produce them."""

from __future__ import annotations

import gettext
import html
import shlex
import shutil
import subprocess
from pathlib import Path
from urllib.parse import urlencode

import pytest
from babel.messages.pofile import read_po

from i18n.django_app import settings as topic
from tests.examples.conftest import EXAMPLES, section
from tests.examples.serving import reader_env

TOPIC = EXAMPLES / "i18n"
FLASK_PO = TOPIC / "translations/fr/LC_MESSAGES/messages.po"
DJANGO_PO = TOPIC / "django_app/locale/fr/LC_MESSAGES/django.po"
# Django's pages on the topic's root URLs (its language prefixes); the settings come with django_site.
pytestmark = pytest.mark.urls(topic.ROOT_URLCONF)
GETTEXT_MISSING = "GNU gettext is missing: install it with `sudo apt-get install gettext`"


def text(response) -> str:
    return html.unescape(response.data.decode() if hasattr(response, "data") else response.content.decode())


def commands(script: str) -> list[list[str]]:
    lines = [line.split("  #")[0] for line in section(script, "catalogue") if line and not line.startswith("#")]
    return [shlex.split(line) for line in lines if not line.startswith("cd ")]


def msgids(po: Path) -> set:
    with po.open("rb") as f:
        return {m.id for m in read_po(f) if m.id}


def compiled(mo: Path) -> dict:
    with mo.open("rb") as f:
        return {k: v for k, v in gettext.GNUTranslations(f)._catalog.items() if k}


def run(argv: list[str], cwd: Path, **env: str) -> None:
    env = reader_env(**env)
    done = subprocess.run(
        [shutil.which(argv[0], path=env["PATH"]), *argv[1:]],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    assert done.returncode == 0, f"{shlex.join(argv)} failed:\n{done.stdout}{done.stderr}"


# Both apps: Flask's pages at /en/ and /fr/, Django's at its mount under the prefix (/fr/i18n/) --


def page(site, lang: str = "", **query: str) -> str:
    """The page's URL in ``lang`` (none: the unprefixed URL that picks one), with ``query``."""
    return (f"/{lang}" if lang else "") + site.url("") + (f"?{urlencode(query)}" if query else "")


def test_pages_answer_in_the_language_of_their_prefix(site):
    client = site.client()
    english, french = text(client.get(page(site, "en", items="3"))), text(client.get(page(site, "fr", items="3")))
    assert "<h1>Welcome</h1>" in english and "You have 3 items in your basket." in english
    assert '<html lang="fr">' in french
    assert "<h1>Bienvenue</h1>" in french and "Cette page est en français." in french
    assert "Vous avez 3 articles dans votre panier." in french
    assert "Vous avez 1 article dans votre panier." in text(client.get(page(site, "fr", items="1")))
    assert "Vous avez 0 article dans votre panier." in text(client.get(page(site, "fr", items="oops")))


def test_links_keep_or_switch_the_language(site):
    shown = text(site.client().get(page(site, "fr")))
    assert f'href="{page(site, "en")}" lang="en"' in shown and f'href="{page(site, "fr")}" lang="fr"' in shown


@pytest.mark.parametrize(
    ("accept", "goes_to"), [("fr-CH, fr;q=0.9, en;q=0.8", "fr"), ("de, en;q=0.5", "en"), ("de", "en"), ("", "en")]
)
def test_the_unprefixed_url_follows_accept_language(site, accept, goes_to):
    response = site.client().get(page(site), headers={"Accept-Language": accept})
    assert response.status_code == 302 and response.headers["Location"] == page(site, goes_to)


@pytest.mark.parametrize("prefix", ["de", "xx", "..", "fr-fr"])
def test_an_unknown_language_is_a_404(site, prefix):
    assert site.client().get(page(site, prefix)).status_code == 404


@pytest.mark.parametrize("items", ["oops", "9" * 5000, "", "1e3", "\x00"])
def test_a_query_that_is_not_a_number_counts_as_zero(site, items):
    response = site.client().get(page(site, "en", items=items))
    assert response.status_code == 200 and "You have 0 items in your basket." in text(response)


def test_django_the_language_cookie_wins_over_accept_language(django_site, settings):
    client = django_site.client()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr"
    assert client.get("/i18n/", headers={"Accept-Language": "en"})["Location"] == "/fr/i18n/"


# The catalogues -----------------------------------------------------------------------------


def test_flask_catalogue_commands_extract_update_and_compile(tmp_path):
    work = tmp_path / "i18n"
    shutil.copytree(TOPIC, work, ignore=shutil.ignore_patterns("__pycache__"))
    for argv in commands("i18n/flask_commands.sh"):
        if argv[:2] != ["pybabel", "init"]:  # init would overwrite the translated catalogue
            run(argv, work)
    assert msgids(work / "messages.pot") == msgids(FLASK_PO)  # every marked string, and no other
    assert compiled(work / "translations/fr/LC_MESSAGES/messages.mo") == compiled(FLASK_PO.with_suffix(".mo"))
    assert msgids(work / "translations/fr/LC_MESSAGES/messages.po") == msgids(FLASK_PO)


def test_django_catalogue_commands_make_and_compile_messages(tmp_path):
    assert shutil.which("msgfmt") and shutil.which("xgettext"), GETTEXT_MISSING
    work = tmp_path / "django_app"
    shutil.copytree(TOPIC / "django_app", work, ignore=shutil.ignore_patterns("__pycache__"))
    for argv in commands("i18n/django_commands.sh"):
        run(argv, work, DJANGO_SETTINGS_MODULE="")
    po = work / "locale/fr/LC_MESSAGES/django.po"
    assert msgids(po) == msgids(DJANGO_PO)  # makemessages found every marked string, and no other
    assert compiled(po.with_suffix(".mo")) == compiled(DJANGO_PO.with_suffix(".mo"))
