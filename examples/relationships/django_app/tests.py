"""The book list's query count: `python manage.py test relationships.django_app`."""

# --8<-- [start:tests]
from io import StringIO

from django.core.management import call_command
from django.test import TestCase
from django.urls import reverse


class BookListQueryTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        # Twelve books, three pages.
        call_command("seed_books", stdout=StringIO())

    def test_a_page_of_books_takes_three_queries(self):
        url = reverse("relationships:book_list")
        for page in (1, 2, 3):
            # The total, the page's books with their authors, and the
            # tags of those books.
            with self.subTest(page=page), self.assertNumQueries(3):
                response = self.client.get(url, {"page": page})
                self.assertEqual(response.status_code, 200)
# --8<-- [end:tests]
