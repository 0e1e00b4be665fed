# --8<-- [start:catalog]
from django.db import models


# Table "catalog_book".
class Book(models.Model):
    title = models.CharField(max_length=200)
    author = models.CharField(max_length=100)
# --8<-- [end:catalog]
