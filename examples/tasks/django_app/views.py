"""The views: a form that enqueues a task, and a page that reports on it."""

from django import forms
from django.apps import apps
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.views import View
from django.views.generic import FormView

from .tasks import count_words

try:
    from django.tasks.exceptions import TaskResultDoesNotExist  # Django 6.0 and later
except ImportError:  # Django 5.2 LTS
    from django_tasks.exceptions import TaskResultDoesNotExist


def waiting_tasks():
    """Tasks no worker has started yet: django-tasks-db's ready rows (0 on other backends)."""
    if not apps.is_installed("django_tasks_db"):  # e.g. the Immediate backend in tests
        return 0
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.ready().count()


class TextForm(forms.Form):
    text = forms.CharField(widget=forms.Textarea(attrs={"rows": 6}), max_length=10_000)


# --8<-- [start:enqueue]
# Anyone may enqueue here, so the queue gets a cap: past it, 503
# until the worker catches up (sign-in and a per-user limit belong
# in a real app).
MAX_WAITING = 100


class NewReportView(FormView):
    form_class = TextForm
    template_name = "tasks/new_report.html"

    def form_valid(self, form):
        if waiting_tasks() >= MAX_WAITING:
            busy = "Too many reports waiting; try later."
            return HttpResponse(busy, status=503)
        # Returns at once: a worker runs it.
        result = count_words.enqueue(form.cleaned_data["text"])
        return redirect("tasks:job_status", result_id=result.id)
# --8<-- [end:enqueue]


# --8<-- [start:result]
class JobStatusView(View):
    def get(self, request, result_id):
        try:
            result = count_words.get_result(str(result_id))
        except TaskResultDoesNotExist:
            raise Http404("No such task") from None
        done = result.status == "SUCCESSFUL"
        value = result.return_value if done else None
        return JsonResponse({"status": result.status, "result": value})
# --8<-- [end:result]
