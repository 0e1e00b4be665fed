from django.db import models


# --8<-- [start:model]
class Product(models.Model):
    name = models.CharField(max_length=100)
    stock = models.PositiveIntegerField()
# --8<-- [end:model]
