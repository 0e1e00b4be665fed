from django import forms

from .models import Product


# --8<-- [start:model]
class StockForm(forms.ModelForm):
    class Meta:
        model = Product
        fields = ["stock"]
        labels = {"stock": "New stock"}
# --8<-- [end:model]
