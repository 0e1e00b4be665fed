"""Translations: each page answers in English and in French, by URL prefix and by Accept-Language;
the committed catalogues hold every marked string and match their compiled .mo files, as the
page's commands (pybabel; makemessages and compilemessages, which need GNU gettext) produce them."""

from __future__ import annotations

import gettext
import html
import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from django.test import Client

from i18n.django_app import settings as topic
from i18n.flask_app import create_app
from tests.examples.conftest import EXAMPLES, section

TOPIC = EXAMPLES / "i18n"
FLASK_PO = TOPIC / "translations/fr/LC_MESSAGES/messages.po"
DJANGO_PO = TOPIC / "django_app/locale/fr/LC_MESSAGES/django.po"
BIN = Path(sys.executable).parent
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
    tool = shutil.which(argv[0], path=f"{BIN}{os.pathsep}{os.environ['PATH']}")
    done = subprocess.run(
        [tool, *argv[1:]],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}", **env},
    )
    assert done.returncode == 0, f"{shlex.join(argv)} failed:\n{done.stdout}{done.stderr}"


# Flask ---------------------------------------------------------------------


@pytest.fixture
def flask_client():
    return create_app().test_client()


def test_flask_pages_answer_in_the_language_of_their_prefix(flask_client):
    english, french = flask_client.get("/en/?items=3"), flask_client.get("/fr/?items=3")
    assert "<h1>Welcome</h1>" in text(english) and "You have 3 items in your basket." in text(english)
    assert '<html lang="fr">' in text(french)
    assert "<h1>Bienvenue</h1>" in text(french) and "Cette page est en français." in text(french)
    assert "Vous avez 3 articles dans votre panier." in text(french)
    assert "Vous avez 1 article dans votre panier." in text(flask_client.get("/fr/?items=1"))
    assert "Vous avez 0 article dans votre panier." in text(flask_client.get("/fr/?items=oops"))


def test_flask_links_keep_or_switch_the_language(flask_client):
    page = text(flask_client.get("/fr/"))
    assert 'href="/en/" lang="en"' in page and 'href="/fr/" lang="fr"' in page


@pytest.mark.parametrize(
    ("accept", "goes_to"),
    [("fr-CH, fr;q=0.9, en;q=0.8", "/fr/"), ("de, en;q=0.5", "/en/"), ("de", "/en/"), ("", "/en/")],
)
def test_flask_root_follows_accept_language(flask_client, accept, goes_to):
    response = flask_client.get("/", headers={"Accept-Language": accept})
    assert response.status_code == 302 and response.headers["Location"] == goes_to


@pytest.mark.parametrize("prefix", ["de", "xx", "..", "fr-fr"])
def test_flask_unknown_language_is_a_404(flask_client, prefix):
    assert flask_client.get(f"/{prefix}/").status_code == 404


def test_flask_catalogue_commands_extract_update_and_compile(tmp_path):
    work = tmp_path / "i18n"
    shutil.copytree(TOPIC, work, ignore=shutil.ignore_patterns("__pycache__"))
    for argv in commands("i18n/flask_commands.sh"):
        if argv[:2] != ["pybabel", "init"]:  # init would overwrite the translated catalogue
            run(argv, work)
    assert msgids(work / "messages.pot") == msgids(FLASK_PO)  # every marked string, and no other
    assert compiled(work / "translations/fr/LC_MESSAGES/messages.mo") == compiled(FLASK_PO.with_suffix(".mo"))
    assert msgids(work / "translations/fr/LC_MESSAGES/messages.po") == msgids(FLASK_PO)


# Django --------------------------------------------------------------------


@pytest.fixture
def languages(django_site):
    """The topic's LANGUAGES and MIDDLEWARE, applied by django_site (tests/examples/apps.py)."""


@pytest.mark.urls(topic.ROOT_URLCONF)
def test_django_pages_answer_in_the_language_of_their_prefix(client, languages):
    english, french = client.get("/en/i18n/?items=3"), client.get("/fr/i18n/?items=3")
    assert "<h1>Welcome</h1>" in text(english) and "You have 3 items in your basket." in text(english)
    assert '<html lang="fr">' in text(french)
    assert "<h1>Bienvenue</h1>" in text(french) and "Cette page est en français." in text(french)
    assert "Vous avez 3 articles dans votre panier." in text(french)
    assert "Vous avez 1 article dans votre panier." in text(client.get("/fr/i18n/?items=1"))
    assert "Vous avez 0 article dans votre panier." in text(client.get("/fr/i18n/?items=oops"))


@pytest.mark.urls(topic.ROOT_URLCONF)
def test_django_links_keep_or_switch_the_language(client, languages):
    page = text(client.get("/fr/i18n/"))
    assert 'href="/en/i18n/" lang="en"' in page and 'href="/fr/i18n/" lang="fr"' in page


@pytest.mark.urls(topic.ROOT_URLCONF)
@pytest.mark.parametrize(
    ("accept", "goes_to"),
    [("fr-CH, fr;q=0.9, en;q=0.8", "/fr/i18n/"), ("de, en;q=0.5", "/en/i18n/"), ("de", "/en/i18n/"), ("", "/en/i18n/")],
)
def test_django_unprefixed_url_follows_accept_language(languages, accept, goes_to):
    response = Client().get("/i18n/", headers={"Accept-Language": accept})
    assert response.status_code == 302 and response["Location"] == goes_to


@pytest.mark.urls(topic.ROOT_URLCONF)
def test_django_the_language_cookie_wins_over_accept_language(languages, settings):
    client = Client()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr"
    assert client.get("/i18n/", headers={"Accept-Language": "en"})["Location"] == "/fr/i18n/"


@pytest.mark.urls(topic.ROOT_URLCONF)
@pytest.mark.parametrize("prefix", ["de", "xx", "..", "fr-fr"])
def test_django_unknown_language_is_a_404(languages, prefix):
    assert Client().get(f"/{prefix}/i18n/").status_code == 404


def test_django_catalogue_commands_make_and_compile_messages(tmp_path):
    assert shutil.which("msgfmt") and shutil.which("xgettext"), GETTEXT_MISSING
    work = tmp_path / "django_app"
    shutil.copytree(TOPIC / "django_app", work, ignore=shutil.ignore_patterns("__pycache__"))
    for argv in commands("i18n/django_commands.sh"):
        run(argv, work, DJANGO_SETTINGS_MODULE="")
    po = work / "locale/fr/LC_MESSAGES/django.po"
    assert msgids(po) == msgids(DJANGO_PO)  # makemessages found every marked string, and no other
    assert compiled(po.with_suffix(".mo")) == compiled(DJANGO_PO.with_suffix(".mo"))


@pytest.mark.urls(topic.ROOT_URLCONF)
@pytest.mark.parametrize("items", ["oops", "9" * 5000, "", "1e3", "\x00"])
def test_a_query_that_is_not_a_number_counts_as_zero_in_both(flask_client, client, languages, items):
    flask = flask_client.get("/en/", query_string={"items": items})
    django = client.get("/en/i18n/", {"items": items})
    assert flask.status_code == django.status_code == 200
    assert "You have 0 items in your basket." in text(flask) and "You have 0 items in your basket." in text(django)
