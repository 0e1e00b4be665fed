# --8<-- [start:form]
from django import forms

from .models import Book


class BookForm(forms.ModelForm):
    class Meta:
        model = Book
        # Name the fields: "__all__" would let a POST set any field you
        # add later.
        fields = ["title", "author", "year"]
# --8<-- [end:form]
