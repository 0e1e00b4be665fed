# --8<-- [start:models]
from django.db import models


# Staff accounts are django.contrib.auth's User.
class Book(models.Model):
    title = models.CharField(max_length=200)
    author = models.CharField(max_length=100)
    year = models.IntegerField()

    def __str__(self):
        return self.title
# --8<-- [end:models]
