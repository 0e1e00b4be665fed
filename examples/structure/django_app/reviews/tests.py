# --8<-- [start:tests]
from django.test import TestCase
from django.urls import reverse

from ..catalog.models import Book


class ReviewListTests(TestCase):
    def test_reviews_are_listed_best_first(self):
        book = Book.objects.create(
            title="Kindred", author="Octavia E. Butler"
        )
        book.reviews.create(rating=4, text="Gripping.")
        book.reviews.create(rating=5, text="A classic.")
        url = reverse("reviews:review_list", args=[book.pk])
        html = self.client.get(url).content.decode()
        self.assertLess(
            html.index("5/5: A classic."), html.index("4/5: Gripping.")
        )

    def test_a_book_that_does_not_exist_is_404(self):
        url = reverse("reviews:review_list", args=[99])
        response = self.client.get(url)
        self.assertEqual(response.status_code, 404)
# --8<-- [end:tests]
