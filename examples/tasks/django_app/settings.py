"""The project's settings plus a task backend: select with DJANGO_SETTINGS_MODULE=tasks.django_app.settings."""

# --8<-- [start:setup]
# The project's settings, plus the task backend.
from project.settings import *  # noqa: F403
from project.settings import INSTALLED_APPS

# Django ships only the Immediate and Dummy backends. django-tasks-db
# keeps the queue in your database, and `manage.py db_worker` runs it.
INSTALLED_APPS = [*INSTALLED_APPS, "django_tasks_db"]
TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend",
        "QUEUES": ["default"],
    }
}
# --8<-- [end:setup]
