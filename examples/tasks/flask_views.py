"""The views: a form that enqueues a job, and a page that reports on it."""

from flask import Blueprint, abort, redirect, render_template, url_for
from flask_wtf import FlaskForm
from wtforms import TextAreaField
from wtforms.validators import DataRequired, Length

from .flask_app import rq
from .flask_tasks import count_words

reports = Blueprint("reports", __name__)


class TextForm(FlaskForm):
    text = TextAreaField("Text", validators=[DataRequired(), Length(max=10_000)])


# --8<-- [start:enqueue]
# Anyone may enqueue here, so the queue gets a cap: past it, 503
# until the worker catches up (sign-in and a per-user limit belong
# in a real app).
MAX_WAITING = 100


@reports.route("/", methods=["GET", "POST"])
def new_report():
    form = TextForm()
    if form.validate_on_submit():
        if rq.queue.count >= MAX_WAITING:
            busy = "Too many reports waiting; try later."
            abort(503, description=busy)
        # Returns at once: a worker runs it.
        job = count_words.enqueue(form.text.data)
        return redirect(url_for(".job_status", job_id=job.id))
    return render_template("new_report.html", form=form)
# --8<-- [end:enqueue]


# --8<-- [start:result]
# RQ's ids are UUIDs; anything else is a 404 before the view runs.
@reports.get("/jobs/<uuid:job_id>")
def job_status(job_id):
    job = rq.queue.fetch_job(str(job_id))
    # Unknown, or expired from Redis.
    if job is None:
        abort(404)
    # One of: queued, started, finished, failed, ...
    status = job.get_status()
    result = job.return_value() if status == "finished" else None
    return {"status": status, "result": result}
# --8<-- [end:result]
