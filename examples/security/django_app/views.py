from django import forms
from django.views.generic import FormView

# --8<-- [start:escaping]
NOTICE = "<strong>Be kind.</strong> Comments are public."


class CommentForm(forms.Form):
    text = forms.CharField(
        error_messages={"required": "Write a comment first."}
    )


class CommentView(FormView):
    template_name = "security/comment.html"
    form_class = CommentForm
    extra_context = {"notice": NOTICE}

    def form_valid(self, form):
        text = form.cleaned_data["text"]
        self.request.session["last_comment"] = text
        context = self.get_context_data(comment=text)
        return self.render_to_response(context)
# --8<-- [end:escaping]
