from django.urls import path

from . import views

app_name = "tasks"

# --8<-- [start:result]
urlpatterns = [
    path("", views.NewReportView.as_view(), name="new_report"),
    path("jobs/<uuid:result_id>/", views.JobStatusView.as_view(), name="job_status"),
]
# --8<-- [end:result]
