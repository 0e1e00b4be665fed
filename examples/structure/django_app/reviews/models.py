# --8<-- [start:reviews]
from django.db import models


# Table "reviews_review".
class Review(models.Model):
    # "app_label.Model": one app may use another app's models.
    book = models.ForeignKey(
        "catalog.Book", on_delete=models.CASCADE, related_name="reviews"
    )
    rating = models.PositiveSmallIntegerField()
    text = models.TextField(max_length=2000)
# --8<-- [end:reviews]
