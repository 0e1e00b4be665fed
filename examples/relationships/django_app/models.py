# --8<-- [start:models]
from django.db import models


class Author(models.Model):
    name = models.CharField(max_length=100)


class Tag(models.Model):
    name = models.CharField(max_length=50, unique=True)

    class Meta:
        ordering = ["name"]


class Book(models.Model):
    title = models.CharField(max_length=200)
    # One author, many books: author.books.all() goes the other way.
    author = models.ForeignKey(
        Author, on_delete=models.CASCADE, related_name="books"
    )
    # Many-to-many: Django creates the table of (book, tag) pairs
    # itself.
    tags = models.ManyToManyField(Tag, related_name="books", blank=True)
# --8<-- [end:models]
