# --8<-- [start:form]
from django import forms


class SignupForm(forms.Form):
    # Every field is required unless you pass required=False.
    name = forms.CharField(max_length=100)
    email = forms.EmailField()
# --8<-- [end:form]
