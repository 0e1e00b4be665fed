# --8<-- [start:models]
from django.db import models


class Book(models.Model):  # staff accounts are django.contrib.auth's User
    title = models.CharField(max_length=200)
    author = models.CharField(max_length=100)
    year = models.IntegerField()

    def __str__(self):
        return self.title
# --8<-- [end:models]
