"""The task: plain Python that the worker process imports and runs."""

# --8<-- [start:task]
from collections import Counter

try:
    # Django 6.0 and later
    from django.tasks import task
except ImportError:
    # Django 5.2 LTS: the django-tasks backport of the same API
    from django_tasks import task


@task
def count_words(text):
    """The slow part of a real app (an email, a report).

    Here, counting words.
    """
    words = text.lower().split()
    return {"words": len(words), "top": Counter(words).most_common(3)}
# --8<-- [end:task]
