from django.urls import path

from . import views

app_name = "tasks"

# --8<-- [start:result]
urlpatterns = [
    path("", views.NewReportView.as_view(), name="new_report"),
    # <str:>: the id's form is the backend's (a UUID in django-tasks-db,
    # 32 letters in Django's own backends); an unknown one is a 404.
    path("jobs/<str:result_id>/", views.JobStatusView.as_view(),
         name="job_status"),
]
# --8<-- [end:result]
