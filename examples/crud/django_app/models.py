# --8<-- [start:model]
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models


class Book(models.Model):
    title = models.CharField(max_length=200)
    author = models.CharField(max_length=100)
    year = models.IntegerField(
        validators=[MinValueValidator(0), MaxValueValidator(2100)]
    )

    def __str__(self):
        return self.title
# --8<-- [end:model]
