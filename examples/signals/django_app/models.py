# --8<-- [start:model_event]
from django.db import models


class Order(models.Model):
    item = models.CharField(max_length=100)
# --8<-- [end:model_event]
