"""The views: a form that enqueues a task, and a page that reports on it."""

from django import forms
from django.http import Http404, JsonResponse
from django.shortcuts import redirect
from django.views import View
from django.views.generic import FormView

from .tasks import count_words

try:
    from django.tasks.exceptions import TaskResultDoesNotExist  # Django 6.0 and later
except ImportError:  # Django 5.2 LTS
    from django_tasks.exceptions import TaskResultDoesNotExist


class TextForm(forms.Form):
    text = forms.CharField(widget=forms.Textarea(attrs={"rows": 6}), max_length=10_000)


# --8<-- [start:enqueue]
class NewReportView(FormView):
    form_class = TextForm
    template_name = "tasks/new_report.html"

    def form_valid(self, form):
        result = count_words.enqueue(form.cleaned_data["text"])  # returns at once: a worker runs it
        return redirect("tasks:job_status", result_id=result.id)

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=400)
# --8<-- [end:enqueue]


# --8<-- [start:result]
class JobStatusView(View):
    def get(self, request, result_id):
        try:
            result = count_words.get_result(str(result_id))
        except TaskResultDoesNotExist:
            raise Http404("No such task")
        value = result.return_value if result.status == "SUCCESSFUL" else None
        return JsonResponse({"status": result.status, "result": value})
# --8<-- [end:result]
