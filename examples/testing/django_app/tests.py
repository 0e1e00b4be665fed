"""Tests for the notes app, run with Django's runner: `python manage.py test testing.django_app`."""

# --8<-- [start:fixture]
from django.test import TestCase
from django.urls import reverse

from .models import Note


class NoteTests(TestCase):
    # Django creates a separate test database before the first test
    # and wraps each test in a transaction it rolls back, so every
    # test starts empty.
    def setUp(self):
        # Runs before each test, like a pytest fixture.
        self.url = reverse("testing:notes")
# --8<-- [end:fixture]

    # --8<-- [start:tests]
    def test_the_list_starts_empty(self):
        response = self.client.get(self.url)
        self.assertContains(
            response, "<li>No notes yet.</li>", html=True
        )
        self.assertTemplateUsed(response, "testing/notes.html")

    def test_adding_a_note_redirects_to_the_list_that_shows_it(self):
        response = self.client.post(self.url, {"text": "Buy milk"})
        self.assertRedirects(response, self.url)
        self.assertEqual(Note.objects.get().text, "Buy milk")
        self.assertContains(
            self.client.get(self.url), "<li>Buy milk</li>", html=True
        )

    def test_an_empty_note_is_refused(self):
        response = self.client.post(self.url, {"text": "   "})
        # The form again, with its error (status 200).
        self.assertContains(response, "Write something first.")
        self.assertFalse(Note.objects.exists())
    # --8<-- [end:tests]
