"""The job: plain Python that a worker process imports and runs."""

# --8<-- [start:task]
from collections import Counter

from .flask_app import rq


@rq.job
def count_words(text):
    """The slow part of a real app (an email, a report).

    Here, counting words.
    """
    words = text.lower().split()
    return {"words": len(words), "top": Counter(words).most_common(3)}
# --8<-- [end:task]
