"""File uploads: real multipart bodies, too-big bodies, wrong types, hostile names and broken
bodies; each framework stores what it should and answers 4xx, never 500, to the rest.

Both apps are the `site` fixture's (tests/examples/apps.py), each posting through its own
form with the token the form rendered. That a stranger cannot fetch an upload by counting ids
is the attack suite's owner rule (tests/attacks/test_accounts.py)."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from werkzeug.datastructures import FileStorage
from werkzeug.test import encode_multipart

from tests.examples.browsing import Inputs, body
from uploads.django_app.models import Document

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
PDF = b"%PDF-1.7\n" + b"%" * 64
TEXT = b"<script>alert('not an image')</script>"
BIG = b"\x89PNG\r\n\x1a\n" + b"\x00" * (1024 * 1024 + 1)  # a valid PNG start, one byte over 1 MiB


def stored(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file())


def uploader(site, settings, tmp_path):
    """post(content, filename, **fields) through the upload form, with its token; .folder is where files land."""
    client = site.client()
    token = Inputs(body(client.get(site.url("")))).hidden()
    if site.framework == "flask":
        folder = Path(site.app.config["UPLOAD_FOLDER"])

        def post(content: bytes, filename: str, **fields):
            # Encoded in memory: the test client's own encoder spools large bodies
            # to a temporary file that nobody closes when the app answers 413 unread.
            data = {**token, "document": FileStorage(io.BytesIO(content), filename), **fields}
            boundary, sent = encode_multipart(data)
            return client.post("/", data=sent, content_type=f"multipart/form-data; boundary={boundary}")

    else:
        settings.MEDIA_ROOT = folder = tmp_path / "media"

        def post(content: bytes, filename: str, **fields):
            return client.post(site.url(""), {**token, "file": SimpleUploadedFile(filename, content), **fields})

    post.client, post.folder, post.token = client, folder, token
    return post


@pytest.fixture
def upload(site, settings, tmp_path):
    return uploader(site, settings, tmp_path)


@pytest.fixture
def flask_post(flask_site, settings, tmp_path):
    return uploader(flask_site, settings, tmp_path)


@pytest.fixture
def django_post(django_site, settings, tmp_path):
    return uploader(django_site, settings, tmp_path)


@pytest.fixture
def media(django_post):
    return django_post.folder


# Both ----------------------------------------------------------------------


def test_names_the_file_by_its_content_not_its_extension(upload):
    upload(PDF, "report.png")
    [file] = stored(upload.folder)
    assert file.name.endswith("report.pdf")


@pytest.mark.parametrize(("content", "filename"), [(TEXT, "evil.png"), (TEXT, "evil.html"), (b"", "empty.pdf")])
def test_refuses_a_file_whose_content_is_not_an_accepted_type(upload, site, content, filename):
    response = upload(content, filename)
    assert response.status_code == 200  # the form again, with its error
    refused = "The submitted file is empty." if site.framework == "django" and not content else "Upload a PNG"
    assert refused in body(response)
    assert stored(upload.folder) == []


HOSTILE = ["../../flask_app.py.png", "..\\..\\x.png", "/etc/passwd.png", "....png"]
# Where a file lands in the upload folder: Flask's under a random prefix (no ".." left in its
# clean name), Django's by month.
STORED_AS = {
    "flask": r"[0-9a-f]{16}-(?!.*\.\.)[A-Za-z0-9_.-]+\.png",
    "django": r"uploads/\d{4}/\d{2}/[A-Za-z0-9_.-]+\.png",
}


@pytest.mark.parametrize("filename", HOSTILE)
def test_keeps_a_hostile_name_inside_the_folder(upload, site, filename):
    assert upload(PNG, filename).status_code in {302, 303}
    [file] = stored(upload.folder)
    assert re.fullmatch(STORED_AS[site.framework], file.relative_to(upload.folder).as_posix())
    assert ".." not in file.relative_to(upload.folder).parts


def test_refuses_a_file_over_the_limit_with_the_pages_message(upload, site):
    response = upload(BIG, "big.png")
    # Flask stops reading at MAX_CONTENT_LENGTH; Django reads the body, then the form refuses the file.
    assert response.status_code == {"flask": 413, "django": 200}[site.framework]
    assert "Files up to 1024 KiB." in body(response) and stored(upload.folder) == []
    assert site.framework == "flask" or not Document.objects.exists()


def test_refuses_a_post_without_the_file(upload, site):
    empty = upload.client.post(site.url(""), data=upload.token)
    assert empty.status_code == 200 and "This field is required." in body(empty)


# Flask ---------------------------------------------------------------------


@pytest.fixture
def flask_app(flask_site):
    return flask_site.app


def test_flask_stores_a_png_under_a_clean_unique_name_and_serves_it_back(flask_app, flask_post):
    response = flask_post(PNG, "holiday photo.png")
    assert response.status_code == 303
    name = response.headers["Location"].removeprefix("/files/")
    assert re.fullmatch(r"[0-9a-f]{16}-holiday_photo\.png", name)
    [file] = stored(Path(flask_app.config["UPLOAD_FOLDER"]))
    assert file.name == name and file.read_bytes() == PNG
    with flask_post.client.get(response.headers["Location"]) as download:
        assert download.data == PNG
        assert download.headers["Content-Disposition"] == f"attachment; filename={name}"


@pytest.mark.parametrize("name", ["..%2Fflask_app.py", "..%2F..%2Fuploads%2Fflask_app.py", "nope.png"])
def test_flask_download_refuses_names_outside_the_folder(flask_post, name):
    assert flask_post.client.get(f"/files/{name}").status_code == 404


def test_flask_answers_413_to_too_many_parts_and_to_a_long_field(flask_app, flask_post):
    flask_app.config.update(MAX_FORM_PARTS=3, MAX_FORM_MEMORY_SIZE=100)
    many = {f"f{i}": FileStorage(io.BytesIO(PNG), f"{i}.png") for i in range(3)}
    assert flask_post(PNG, "a.png", **many).status_code == 413
    assert flask_post(PNG, "a.png", note="x" * 101).status_code == 413


def test_flask_answers_400_to_a_broken_multipart_body(flask_app):
    response = flask_app.test_client().post(
        "/",
        data=b'--x\r\nContent-Disposition: form-data; name="document"\r\n\r\nno end',
        content_type="multipart/form-data; boundary=x",
    )
    assert response.status_code == 400


# Django --------------------------------------------------------------------


def test_django_stores_a_png_in_media_root_and_serves_it_back(django_post, media):
    response = django_post(PNG, "holiday photo.png")
    assert response.status_code == 302
    document = Document.objects.get()
    assert response["Location"] == f"/uploads/files/{document.key}/"
    assert re.fullmatch(r"uploads/\d{4}/\d{2}/holiday_photo\.png", document.file.name)
    [file] = stored(media)
    assert file == media / document.file.name and file.read_bytes() == PNG
    download = django_post.client.get(response["Location"])
    assert b"".join(download.streaming_content) == PNG
    assert download["Content-Disposition"] == 'attachment; filename="holiday_photo.png"'
    download.close()


def test_django_storage_adds_a_suffix_instead_of_overwriting(django_post):
    django_post(PNG, "same.png")
    django_post(PNG, "same.png")
    first, second = (Path(d.file.name).name for d in Document.objects.order_by("pk"))
    assert first == "same.png" and re.fullmatch(r"same_[A-Za-z0-9]{7}\.png", second)


def test_django_answers_400_to_too_many_files_and_to_long_fields(django_post, settings):
    settings.DATA_UPLOAD_MAX_NUMBER_FILES = 2
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 200
    many = {f"f{i}": SimpleUploadedFile(f"{i}.png", PNG) for i in range(2)}
    assert django_post(PNG, "a.png", **many).status_code == 400
    assert django_post(PNG, "a.png", note="x" * 201).status_code == 400
    assert not Document.objects.exists()


def test_django_reads_a_broken_multipart_body_as_a_form_without_its_file(media):
    response = Client().post(
        "/uploads/",
        data=b'--x\r\nContent-Disposition: form-data; name="file"\r\n\r\nno end',
        content_type="multipart/form-data; boundary=x",
    )
    assert response.status_code == 200 and "This field is required." in response.content.decode()
    assert not Document.objects.exists()
