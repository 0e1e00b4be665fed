"""Probes: small functions that run the installed frameworks, named by claims.

A claim declares its check next to itself: a page puts `{# check: NAME #}`
right after the sentence, a data row (a features.yml cell, a decision.yml
answer) carries `check: NAME`. tests/facts/test_claims.py runs the probe
NAME and requires every phrase it returns to appear in the claim's text.

A probe returns the phrases from what the framework did, never from what the
page says: a status it answered, a file name it produced, a message it
rendered. So the claim goes red when the framework changes (a new pin) or
when someone edits the sentence away from what the framework does.

Probes run inside the test session, where pytest-django has configured
Django with examples/project/settings.py.
"""

import asyncio
import functools
import json
import re
import shutil
import subprocess
import sys
import tempfile
import warnings
from importlib import metadata
from pathlib import Path


def _minor(package: str) -> str:
    return ".".join(metadata.version(package).split(".")[:2])


# --- Flask and its add-ons -------------------------------------------------


def flask_redirect_status() -> tuple[str, ...]:
    """What `redirect()` answers on the installed Flask (Flask-Login's `@login_required` uses it)."""
    from flask import Flask, redirect

    app = Flask(__name__)
    with app.test_request_context():
        code = redirect("/next").status_code
    return str(code), f"Flask {_minor('flask')}"


def flask_session_without_secret_key() -> tuple[str, ...]:
    """Which session access fails on a Flask app started with no SECRET_KEY: reading, writing, or both."""
    from flask import Flask, session

    app = Flask(__name__)
    app.add_url_rule("/read", "read", lambda: str(session.get("seen")))
    app.add_url_rule("/write", "write", lambda: session.update(seen=1) or "ok")
    client = app.test_client()
    fails = {how: client.get(f"/{how}").status_code == 500 for how in ("read", "write")}
    if fails == {"read": False, "write": True}:
        return ("only fail when a request writes to the session",)
    return (f"Flask {_minor('flask')}: read fails {fails['read']}, write fails {fails['write']}",)


def secure_filename_examples() -> tuple[str, ...]:
    """What Werkzeug's `secure_filename()` makes of an accented name and of a name in another script."""
    from werkzeug.utils import secure_filename

    made = {name: secure_filename(name) for name in ("café.png", "名前.png", "名前")}
    return (
        f"Werkzeug {_minor('werkzeug')}",
        *(f"`{name}` becomes `{out}`" if out else f"`{name}` becomes empty" for name, out in made.items()),
    )


def flask_wtf_translates_by_default() -> tuple[str, ...]:
    """An empty required field under `fr`, with Flask-Babel and nothing switched on."""
    from flask import Flask
    from flask_babel import Babel
    from flask_wtf import FlaskForm
    from wtforms import StringField
    from wtforms.validators import DataRequired

    class Form(FlaskForm):
        name = StringField(validators=[DataRequired()])

    app = Flask(__name__)
    app.config.update(SECRET_KEY="probe", WTF_CSRF_ENABLED=False)
    Babel(app, locale_selector=lambda: "fr")
    with app.test_request_context(method="POST", data={"name": ""}):
        form = Form()
        form.validate()
        message = form.name.errors[0]
        default = app.config.get("WTF_I18N_ENABLED", "unset")
    assert default == "unset", "WTF_I18N_ENABLED is set in the probe's app; the probe needs Flask-WTF's default"
    return f"“{message}”", "`WTF_I18N_ENABLED`"


def flask_makes_no_instance_folder() -> tuple[str, ...]:
    """Who creates `instance/`: not Flask; Flask-SQLAlchemy does, for a relative SQLite path."""
    from flask import Flask
    from flask_sqlalchemy import SQLAlchemy

    with tempfile.TemporaryDirectory() as tmp:
        instance = Path(tmp) / "instance"
        app = Flask(__name__, instance_path=str(instance))
        app.test_client().get("/")
        assert not instance.exists(), "Flask created instance/ on its own; the page should say Flask makes it"
        app = Flask(__name__, instance_path=str(instance))
        app.config["SQLALCHEMY_DATABASE_URI"] = "sqlite:///probe.db"
        SQLAlchemy(app)
        assert instance.is_dir(), "Flask-SQLAlchemy no longer creates instance/ for a relative SQLite path"
    return ("Flask-SQLAlchemy",)


def flask_sqlalchemy_records_queries() -> tuple[str, ...]:
    """Flask-SQLAlchemy records the statements of a request when asked to."""
    import sqlalchemy as sa
    from flask import Flask
    from flask_sqlalchemy import SQLAlchemy
    from flask_sqlalchemy.record_queries import get_recorded_queries

    app = Flask(__name__)
    app.config.update(SQLALCHEMY_DATABASE_URI="sqlite://", SQLALCHEMY_RECORD_QUERIES=True)
    db = SQLAlchemy(app)
    with app.app_context():
        db.session.execute(sa.text("select 1"))
        assert len(get_recorded_queries()) == 1, "Flask-SQLAlchemy recorded no query"
    return "`get_recorded_queries()`", "`SQLALCHEMY_RECORD_QUERIES`"


def api_validation_status() -> tuple[str, ...]:
    """The status flask-smorest and Django Ninja answer to a body that fails its schema."""
    import marshmallow as ma
    from flask import Flask
    from flask_smorest import Api, Blueprint
    from ninja import NinjaAPI, Schema
    from ninja.testing import TestClient

    app = Flask(__name__)
    app.config.update(API_TITLE="p", API_VERSION="1", OPENAPI_VERSION="3.1.0")
    bp = Blueprint("p", __name__)

    class In(ma.Schema):
        year = ma.fields.Integer(required=True)

    @bp.post("/")
    @bp.arguments(In)
    def create(body):
        return {}

    Api(app).register_blueprint(bp)
    smorest = app.test_client().post("/", json={}).status_code

    api = NinjaAPI(urls_namespace="probe")

    class Body(Schema):
        year: int

    @api.post("/")
    def make(request, body: Body):
        return {}

    ninja = TestClient(api).post("/", json={}).status_code
    assert smorest == ninja, f"flask-smorest answers {smorest}, Django Ninja {ninja}: say each"
    return (str(smorest),)


def flask_upload_limits() -> tuple[str, ...]:
    """Flask's body and form limits: their defaults, and what a request past each one gets."""
    from flask import Flask, request

    defaults = Flask(__name__).config
    statuses = set()
    for key, limit, body in (
        ("MAX_CONTENT_LENGTH", 10, {"a": "x" * 100}),
        ("MAX_FORM_MEMORY_SIZE", 10, {"a": "x" * 100}),
        ("MAX_FORM_PARTS", 2, {"a": "1", "b": "2", "c": "3"}),
    ):
        app = Flask(__name__)
        app.config[key] = limit
        app.add_url_rule("/", "form", lambda: dict(request.form), methods=["POST"])
        statuses.add(app.test_client().post("/", data=body, content_type="multipart/form-data").status_code)
    assert len(statuses) == 1, f"Flask answers {sorted(statuses)} past its limits: say which for which"
    return (
        f"`MAX_CONTENT_LENGTH` (default `{defaults['MAX_CONTENT_LENGTH']}`",
        f"default {defaults['MAX_FORM_MEMORY_SIZE']:,} bytes",
        f"default {defaults['MAX_FORM_PARTS']:,})",
        f"**{statuses.pop()}**",
    )


def django_upload_limits() -> tuple[str, ...]:
    """Django's upload settings: their defaults, and what a body past the first one gets."""
    from django.conf import global_settings as default
    from django.core.exceptions import RequestDataTooBig
    from django.core.handlers.exception import response_for_exception
    from django.test import RequestFactory

    def mib(size: int) -> str:
        return f"({size / 1024 / 1024:g} MiB)"

    request = RequestFactory().post("/")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import logging

        logging.getLogger("django.security.RequestDataTooBig").disabled = True
        try:
            status = response_for_exception(request, RequestDataTooBig()).status_code
        finally:
            logging.getLogger("django.security.RequestDataTooBig").disabled = False
    return (
        f"`DATA_UPLOAD_MAX_MEMORY_SIZE` {mib(default.DATA_UPLOAD_MAX_MEMORY_SIZE)}",
        f"`DATA_UPLOAD_MAX_NUMBER_FILES` ({default.DATA_UPLOAD_MAX_NUMBER_FILES:,})",
        f"`DATA_UPLOAD_MAX_NUMBER_FIELDS` ({default.DATA_UPLOAD_MAX_NUMBER_FIELDS:,})",
        f"`FILE_UPLOAD_MAX_MEMORY_SIZE` {mib(default.FILE_UPLOAD_MAX_MEMORY_SIZE)}",
        f"**{status}**",
    )


def _installs(*packages: str) -> set[str]:
    """The distributions installing ``packages`` brings in, themselves included (extras left out)."""
    from packaging.requirements import Requirement

    from macros.run_it import canonical

    found: dict[str, str] = {}
    todo = list(packages)
    while todo:
        name = metadata.metadata(todo.pop())["Name"]
        if canonical(name) not in found:
            found[canonical(name)] = name
            reqs = [Requirement(r) for r in metadata.requires(name) or []]
            todo += [r.name for r in reqs if not r.marker or r.marker.evaluate({"extra": ""})]
    return set(found.values())


def flask_forms_packages() -> tuple[str, ...]:
    """What the forms page's `pip install Flask-WTF email-validator` adds to Flask's own packages."""
    from macros.run_it import canonical

    flask = {canonical(name) for name in _installs("Flask")}
    return tuple(sorted(name for name in _installs("Flask-WTF", "email-validator") if canonical(name) not in flask))


def django_oversized_upload() -> tuple[str, ...]:
    """What the uploads example's Django view answers to a file past its form's limit."""
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.test import RequestFactory

    from uploads.django_app.forms import MAX_FILE_SIZE
    from uploads.django_app.views import UploadView

    png = b"\x89PNG\r\n\x1a\n" + b"\x00" * MAX_FILE_SIZE
    request = RequestFactory().post("/", {"file": SimpleUploadedFile("big.png", png, "image/png")})
    response = UploadView.as_view()(request)
    response.render()
    assert "Files up to 1024 KiB." in response.content.decode(), "the form's message is not on the page"
    return (f"**{response.status_code}**",)


def flask_trusted_hosts() -> tuple[str, ...]:
    """What Flask's TRUSTED_HOSTS and Django's ALLOWED_HOSTS answer to a request for another host."""
    import logging

    from django.core.exceptions import DisallowedHost
    from django.core.handlers.exception import response_for_exception
    from django.test import RequestFactory
    from flask import Flask

    app = Flask(__name__)
    app.config["TRUSTED_HOSTS"] = ["example.com"]
    app.add_url_rule("/", "index", lambda: "ok")
    flask = app.test_client().get("/", headers={"Host": "evil.test"}).status_code
    security = logging.getLogger("django.security.DisallowedHost")
    security.disabled = True
    try:
        django = response_for_exception(RequestFactory().get("/"), DisallowedHost()).status_code
    finally:
        security.disabled = False
    assert flask == django, f"Flask answers {flask} to an untrusted host, Django {django}: say each"
    return (f"Flask {_minor('flask')}'s `TRUSTED_HOSTS` answers {flask}",)


def form_default_messages() -> tuple[str, ...]:
    """The messages Django's forms and WTForms give an empty required field and a bad email address."""
    from django import forms
    from django.core.exceptions import ValidationError
    from wtforms import Form, StringField
    from wtforms.validators import DataRequired

    def django_error(field, value):
        try:
            field.clean(value)
        except ValidationError as exc:
            return exc.messages[0]

    class Signup(Form):
        name = StringField(validators=[DataRequired()])

    form = Signup(data={"name": "  "})
    form.validate()
    required = django_error(forms.CharField(), "  ")
    assert form.name.errors[0] == required, f"WTForms says {form.name.errors[0]!r}, Django {required!r}"
    return f"**{required}**", f"**{django_error(forms.EmailField(), 'ada.example.com')}**"


# --- Django ----------------------------------------------------------------


def django_default_hashers() -> tuple[str, ...]:
    """The hashers in Django's default PASSWORD_HASHERS that need no extra package."""
    import hashlib

    from django.conf import global_settings
    from django.utils.module_loading import import_string

    usable = []
    for path in global_settings.PASSWORD_HASHERS:
        hasher = import_string(path)()
        if hasher.library:
            continue  # needs a package (argon2-cffi, bcrypt)
        usable.append(hasher.algorithm)
    assert hasattr(hashlib, "scrypt"), "this Python has no hashlib.scrypt"
    first = import_string(global_settings.PASSWORD_HASHERS[0])().algorithm
    names = {"pbkdf2_sha256": "PBKDF2", "scrypt": "scrypt"}
    return f"{names.get(first, first)} by default", *(names[a] for a in usable if a in ("scrypt",))


def django_paginator_out_of_range() -> tuple[str, ...]:
    """What each Django pagination API does with page 99 of 3."""
    from django.core.paginator import Paginator
    from django.http import Http404
    from django.test import RequestFactory
    from django.views.generic import ListView

    paginator = Paginator(list(range(30)), 10)
    clamped = paginator.get_page(99).number == paginator.num_pages
    try:
        paginator.page(99)
        raised = None
    except Exception as exc:  # noqa: BLE001 - the probe reports whatever it is
        raised = type(exc).__name__
    view = ListView.as_view(queryset=list(range(30)), paginate_by=10, template_name="unused.html")
    try:
        view(RequestFactory().get("/?page=99"))
        listview = "200"
    except Http404:
        listview = "404"
    assert clamped, "Paginator.get_page() no longer falls back to the last page"
    return "last page", f"`{raised}`", listview


def django_storage_overwrite() -> tuple[str, ...]:
    """FileSystemStorage keeps both files by default, and overwrites with `allow_overwrite=True`."""
    from django.core.files.base import ContentFile
    from django.core.files.storage import FileSystemStorage

    with tempfile.TemporaryDirectory() as tmp:
        default = FileSystemStorage(location=tmp)
        names = {default.save("a.txt", ContentFile(b"1")), default.save("a.txt", ContentFile(b"2"))}
        assert len(names) == 2, "FileSystemStorage overwrote a file by default"
        again = FileSystemStorage(location=tmp, allow_overwrite=True)
        assert again.save("a.txt", ContentFile(b"3")) == "a.txt"
    return "by default", "`allow_overwrite=True`"


def django_signal_order() -> tuple[str, ...]:
    """In what order `Signal.send()` runs receivers connected async first, then sync."""
    from django.dispatch import Signal

    seen: list[str] = []
    signal = Signal()

    async def late(sender, **kwargs):
        await asyncio.sleep(0.01)
        seen.append("async late")

    async def early(sender, **kwargs):
        seen.append("async early")

    def plain(sender, **kwargs):
        seen.append("sync")

    for receiver in (late, early, plain):
        signal.connect(receiver, weak=False)
    signal.send(sender=None)
    assert seen[0] == "sync", f"Django ran {seen}: the sync receiver no longer runs first"
    # Connected first, finished last: they ran concurrently.
    assert seen[1:] == ["async early", "async late"], f"Django ran the async receivers as {seen[1:]}"
    return "after the sync ones", "concurrently"


def django_view_options() -> tuple[str, ...]:
    """What a class-based View with only get() answers to OPTIONS and to DELETE."""
    from django.http import HttpResponse
    from django.test import RequestFactory
    from django.views import View

    class Page(View):
        def get(self, request):
            return HttpResponse("ok")

    view = Page.as_view()
    options = view(RequestFactory().options("/"))
    delete = view(RequestFactory().delete("/"))
    assert "Allow" in options.headers
    return f"OPTIONS with a {options.status_code}", "`Allow`", str(delete.status_code)


def django_release_after_the_ab_scheme() -> tuple[str, ...]:
    """The name the installed Django gives the release its deprecations end in, after 6.2."""
    from django.utils import deprecation

    years = sorted(
        int(m[1]) for name in dir(deprecation) if (m := re.fullmatch(r"RemovedInDjango(\d{4})Warning", name))
    )
    assert years, "the installed Django names no year-numbered release (RemovedInDjangoYYYYWarning)"
    return (f"Django {years[0]}",)


def django_password_reset_timeout() -> tuple[str, ...]:
    """How long a Django password reset link lasts unless the project says otherwise."""
    from django.conf import global_settings

    days = global_settings.PASSWORD_RESET_TIMEOUT / 86400
    return (f"`PASSWORD_RESET_TIMEOUT` ({days:g} days by default",)


# Django 6.1's ORM on a throwaway in-memory SQLite database, in its own process
# (the test session's Django is configured for the examples).
_ORM = """
import json
import django
from django.conf import settings

settings.configure(DATABASES={"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}},
                   INSTALLED_APPS=[], USE_TZ=True)
django.setup()
from django.db import connection, models
from django.db.models.signals import post_delete, pre_delete
from django.test.utils import CaptureQueriesContext


class Author(models.Model):
    class Meta:
        app_label = "probe"


class Book(models.Model):
    author = models.ForeignKey(Author, on_delete=models.DB_CASCADE)

    class Meta:
        app_label = "probe"


with connection.schema_editor() as editor:
    editor.create_model(Author)
    editor.create_model(Book)
for _ in range(5):
    Book.objects.create(author=Author.objects.create())
found = {}
for mode in ("FETCH_ONE", "FETCH_PEERS"):
    with CaptureQueriesContext(connection) as queries:
        for book in Book.objects.fetch_mode(getattr(models, mode)):
            book.author
    found[mode] = len(queries)
try:
    next(iter(Book.objects.fetch_mode(models.FETCH_RAISE))).author
except Exception as exc:
    found["FETCH_RAISE"] = type(exc).__name__
signals = []
for signal in (pre_delete, post_delete):
    signal.connect(lambda sender, **kw: signals.append(sender.__name__), sender=Book, weak=False)
Author.objects.first().delete()
found["books_left"] = Book.objects.count()
found["signals"] = signals
print(json.dumps(found))
"""


@functools.cache
def _orm() -> dict:
    out = subprocess.run([sys.executable, "-c", _ORM], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, f"the ORM probe failed:\n{out.stderr}"
    return json.loads(out.stdout)


def django_fetch_modes() -> tuple[str, ...]:
    """Queries for five books and their authors under each fetch mode (Django 6.1+)."""
    found = _orm()
    return (f"{found['FETCH_ONE']} queries", f"{found['FETCH_PEERS']} with `FETCH_PEERS`", f"`{found['FETCH_RAISE']}`")


def django_db_cascade_sends_no_signals() -> tuple[str, ...]:
    """Deleting an author whose books use `on_delete=DB_CASCADE`: the books go, with no signal."""
    found = _orm()
    assert found["books_left"] == 4, "DB_CASCADE did not delete the author's book"
    said = "sends no `pre_delete` or `post_delete`" if not found["signals"] else f"sends {found['signals']}"
    return "DB_CASCADE", said


# --- Translations ----------------------------------------------------------


def _nplurals(po: str) -> str:
    return "nplurals=" + re.search(r"nplurals=(\d+)", po).group(1)


def gettext_plural_forms_fr() -> tuple[str, ...]:
    """Plural forms a new French catalogue gets from msginit, Babel, and Django's makemessages."""
    from pathlib import Path as P

    import django
    from babel.messages.plurals import get_plural

    django_po = P(django.__file__).parent / "conf/locale/fr/LC_MESSAGES/django.po"
    phrases = [
        f"`{_nplurals(django_po.read_text())}`",
        f"`nplurals={get_plural('fr').num_plurals}`",
        f"Babel {_minor('babel')}",
    ]
    if shutil.which("msginit"):
        with tempfile.TemporaryDirectory() as tmp:
            pot = P(tmp) / "m.pot"
            pot.write_text('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n')
            subprocess.run(
                ["msginit", "-i", pot, "-l", "fr", "-o", P(tmp) / "fr.po", "--no-translator"],
                check=True,
                capture_output=True,
            )
            phrases.append(f"`{_nplurals((P(tmp) / 'fr.po').read_text())}`")
            version = subprocess.run(["msginit", "--version"], capture_output=True, text=True).stdout
            phrases.append("GNU gettext " + re.search(r"\d+\.\d+", version).group(0))
    else:
        warnings.warn("msginit is not installed: the GNU gettext half of the claim is not checked", stacklevel=1)
    return tuple(phrases)


# --- CORS add-ons (the cors page) --------------------------------------------

ATTACKER = "https://attacker.example"


def flask_cors_echoes_any_origin() -> tuple[str, ...]:
    """Flask-CORS left at its default origins, with credentials on: what another site's Origin gets back."""
    from flask import Flask
    from flask_cors import CORS
    from flask_cors.core import DEFAULT_OPTIONS

    app = Flask(__name__)
    app.get("/")(lambda: "ok")
    CORS(app, supports_credentials=True)
    headers = app.test_client().get("/", headers={"Origin": ATTACKER}).headers
    echoed = headers.get("Access-Control-Allow-Origin") == ATTACKER
    return (
        f'`origins` is `"{DEFAULT_OPTIONS["origins"]}"`',
        f"Flask-CORS {metadata.version('flask-cors')}",
        "copies the request's `Origin`" if echoed else f"answers {headers.get('Access-Control-Allow-Origin')}",
        "`supports_credentials=True`"
        if headers.get("Access-Control-Allow-Credentials") == "true"
        else "no credentials",
    )


def django_cors_allow_all_with_credentials_echoes() -> tuple[str, ...]:
    """django-cors-headers with CORS_ALLOW_ALL_ORIGINS and CORS_ALLOW_CREDENTIALS: what another site gets."""
    from corsheaders.middleware import CorsMiddleware
    from django.http import HttpResponse
    from django.test import RequestFactory, override_settings

    with override_settings(CORS_ALLOW_ALL_ORIGINS=True, CORS_ALLOW_CREDENTIALS=True):
        response = CorsMiddleware(lambda request: HttpResponse("ok"))(
            RequestFactory().get("/", headers={"Origin": ATTACKER})
        )
    echoed = response.get("Access-Control-Allow-Origin") == ATTACKER
    return (
        f"django-cors-headers {metadata.version('django-cors-headers')}",
        "also copies whatever `Origin` came" if echoed else f"answers {response.get('Access-Control-Allow-Origin')}",
    )
