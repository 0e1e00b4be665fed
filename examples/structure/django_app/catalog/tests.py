# --8<-- [start:tests]
from django.test import TestCase
from django.urls import reverse

from .models import Book


# Each test runs in a transaction that is rolled back.
class BookListTests(TestCase):
    def test_the_list_links_each_book_to_its_reviews(self):
        book = Book.objects.create(
            title="Kindred", author="Octavia E. Butler"
        )
        response = self.client.get(reverse("catalog:book_list"))
        link = reverse("reviews:review_list", args=[book.pk])
        expected = f'<a href="{link}">Kindred</a>, Octavia E. Butler'
        self.assertContains(response, expected, html=True)
# --8<-- [end:tests]
