# --8<-- [start:model]
from django.db import models


class Article(models.Model):
    # A select box in the admin.
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        PUBLISHED = "published", "Published"

    title = models.CharField(max_length=200)
    author = models.CharField(max_length=100)
    status = models.CharField(
        max_length=10, choices=Status, default=Status.DRAFT
    )
    published_on = models.DateField(null=True, blank=True)
    body = models.TextField(blank=True)

    def __str__(self):
        return self.title
# --8<-- [end:model]
