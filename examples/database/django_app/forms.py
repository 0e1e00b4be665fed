# --8<-- [start:create]
from django import forms

from .models import Book

YEARS = {"min_value": 0, "max_value": 9999}


class BookForm(forms.ModelForm):
    """The fields, types and lengths come from the model; the form
    checks them."""

    # Narrower than the column allows.
    year = forms.IntegerField(**YEARS)

    class Meta:
        model = Book
        fields = ["title", "author", "year"]
# --8<-- [end:create]


# --8<-- [start:query]
class BookQuery(forms.Form):
    """The query string of the list view: both parameters optional."""

    author = forms.CharField(required=False)
    since = forms.IntegerField(required=False, **YEARS)
# --8<-- [end:query]
