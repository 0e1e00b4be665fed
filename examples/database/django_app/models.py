# --8<-- [start:model]
from django.db import models


# The table's name: "database_book".
class Book(models.Model):
    # Django adds "id" as the primary key unless you declare one.
    title = models.CharField(max_length=200)
    author = models.CharField(max_length=100, db_index=True)
    year = models.IntegerField()
    # null=True makes the column nullable; blank=True lets forms leave
    # it empty.
    isbn = models.CharField(
        max_length=13, unique=True, null=True, blank=True
    )

    def __str__(self):
        return self.title
# --8<-- [end:model]
