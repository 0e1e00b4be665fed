# --8<-- [start:catalog]
from django.db import models


class Book(models.Model):  # table "catalog_book"
    title = models.CharField(max_length=200)
    author = models.CharField(max_length=100)
# --8<-- [end:catalog]
