"""File uploads: real multipart bodies, too-big bodies, wrong types, hostile names and broken
bodies; each framework stores what it should and answers 4xx, never 500, to the rest."""

from __future__ import annotations

import io
import re
import uuid
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from werkzeug.datastructures import FileStorage
from werkzeug.test import encode_multipart

from tests.examples.browsing import csrf_token
from uploads.django_app.models import Document
from uploads.flask_app import create_app

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
PDF = b"%PDF-1.7\n" + b"%" * 64
TEXT = b"<script>alert('not an image')</script>"
BIG = b"\x89PNG\r\n\x1a\n" + b"\x00" * (1024 * 1024 + 1)  # a valid PNG start, one byte over 1 MiB


def stored(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file())


# Flask ---------------------------------------------------------------------


@pytest.fixture
def flask_app(tmp_path):
    return create_app({"SECRET_KEY": "test-only", "UPLOAD_FOLDER": str(tmp_path / "uploads")})


@pytest.fixture
def flask_post(flask_app):
    client = flask_app.test_client()
    token = csrf_token(client.get("/").text)

    def post(content: bytes, filename: str, **fields):
        # Encoded in memory: the test client's own encoder spools large bodies
        # to a temporary file that nobody closes when the app answers 413 unread.
        data = {"csrf_token": token, "document": FileStorage(io.BytesIO(content), filename), **fields}
        boundary, body = encode_multipart(data)
        return client.post("/", data=body, content_type=f"multipart/form-data; boundary={boundary}")

    post.client = client
    return post


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


def test_flask_names_the_file_by_its_content_not_its_extension(flask_post):
    response = flask_post(PDF, "report.png")
    assert response.headers["Location"].endswith("-report.pdf")


def test_flask_answers_413_to_a_body_over_max_content_length(flask_app, flask_post):
    response = flask_post(BIG, "big.png")
    assert response.status_code == 413
    assert "Files up to 1024 KiB." in response.text
    assert stored(Path(flask_app.config["UPLOAD_FOLDER"])) == []


@pytest.mark.parametrize(("content", "filename"), [(TEXT, "evil.png"), (TEXT, "evil.html"), (b"", "empty.pdf")])
def test_flask_refuses_a_file_whose_content_is_not_an_accepted_type(flask_app, flask_post, content, filename):
    response = flask_post(content, filename)
    assert response.status_code == 200  # the form again, with its error, as Django answers
    assert "Upload a PNG, JPEG or PDF file." in response.text
    assert stored(Path(flask_app.config["UPLOAD_FOLDER"])) == []


@pytest.mark.parametrize("filename", ["../../flask_app.py.png", "..\\..\\x.png", "/etc/passwd.png", "....png"])
def test_flask_keeps_a_hostile_name_inside_the_folder(flask_app, flask_post, filename):
    assert flask_post(PNG, filename).status_code == 303
    [file] = stored(Path(flask_app.config["UPLOAD_FOLDER"]))
    assert file.parent == Path(flask_app.config["UPLOAD_FOLDER"])
    assert re.fullmatch(r"[0-9a-f]{16}-[A-Za-z0-9_.-]+\.png", file.name) and ".." not in file.name


@pytest.mark.parametrize("name", ["..%2Fflask_app.py", "..%2F..%2Fuploads%2Fflask_app.py", "nope.png"])
def test_flask_download_refuses_names_outside_the_folder(flask_post, name):
    assert flask_post.client.get(f"/files/{name}").status_code == 404


def test_flask_refuses_a_post_without_the_file(flask_app):
    client = flask_app.test_client()
    token = csrf_token(client.get("/").text)
    empty = client.post("/", data={"csrf_token": token}, content_type="multipart/form-data")
    assert empty.status_code == 200 and "This field is required." in empty.text


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


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def django_post(db, media):
    client = Client(enforce_csrf_checks=True)
    token = csrf_token(client.get("/uploads/").content.decode())

    def post(content: bytes, filename: str, **fields):
        data = {"csrfmiddlewaretoken": token, "file": SimpleUploadedFile(filename, content), **fields}
        return client.post("/uploads/", data)

    post.client = client
    return post


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


def test_django_names_the_file_by_its_content_not_its_extension(django_post):
    django_post(PDF, "report.png")
    assert Document.objects.get().file.name.endswith("/report.pdf")


def test_django_reads_a_file_over_the_limit_then_the_form_refuses_it(django_post, media):
    response = django_post(BIG, "big.png")
    assert response.status_code == 200
    assert "Files up to 1024 KiB." in response.content.decode()
    assert not Document.objects.exists() and stored(media) == []


@pytest.mark.parametrize(("content", "filename"), [(TEXT, "evil.png"), (TEXT, "evil.html")])
def test_django_refuses_a_file_whose_content_is_not_an_accepted_type(django_post, content, filename):
    response = django_post(content, filename)
    assert response.status_code == 200
    assert "Upload a PNG, JPEG or PDF file." in response.content.decode()
    assert not Document.objects.exists()


def test_django_refuses_an_empty_file(django_post):
    response = django_post(b"", "empty.pdf")
    assert response.status_code == 200
    assert "The submitted file is empty." in response.content.decode()


@pytest.mark.parametrize("filename", ["../../forms.py.png", "..\\..\\x.png", "/etc/passwd.png"])
def test_django_keeps_a_hostile_name_inside_media_root(django_post, media, filename):
    assert django_post(PNG, filename).status_code == 302
    [file] = stored(media)
    assert file.is_relative_to(media / "uploads") and ".." not in file.name


def test_django_download_takes_a_random_key_never_a_name_or_a_counted_id(django_post):
    django_post(PNG, "private.png")
    document = Document.objects.get()
    other = Client()  # another visitor, counting ids up
    assert other.get(f"/uploads/files/{document.pk}/").status_code == 404
    assert other.get(f"/uploads/files/{uuid.uuid4()}/").status_code == 404
    assert django_post.client.get("/uploads/files/999/").status_code == 404
    assert django_post.client.get("/uploads/files/..%2F..%2Fsettings.py/").status_code == 404


def test_django_refuses_a_post_without_the_file(db, media):
    client = Client(enforce_csrf_checks=True)
    token = csrf_token(client.get("/uploads/").content.decode())
    empty = client.post("/uploads/", {"csrfmiddlewaretoken": token})
    assert empty.status_code == 200 and "This field is required." in empty.content.decode()


def test_django_answers_400_to_too_many_files_and_to_long_fields(django_post, settings):
    settings.DATA_UPLOAD_MAX_NUMBER_FILES = 2
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 200
    many = {f"f{i}": SimpleUploadedFile(f"{i}.png", PNG) for i in range(2)}
    assert django_post(PNG, "a.png", **many).status_code == 400
    assert django_post(PNG, "a.png", note="x" * 201).status_code == 400
    assert not Document.objects.exists()


def test_django_reads_a_broken_multipart_body_as_a_form_without_its_file(db, media):
    response = Client().post(
        "/uploads/",
        data=b'--x\r\nContent-Disposition: form-data; name="file"\r\n\r\nno end',
        content_type="multipart/form-data; boundary=x",
    )
    assert response.status_code == 200 and "This field is required." in response.content.decode()
    assert not Document.objects.exists()
