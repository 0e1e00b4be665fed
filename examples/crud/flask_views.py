"""Generic list, edit and delete views, written once and registered for each model."""

from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask.views import MethodView
from sqlalchemy import select

from .flask_forms import BookForm
from .flask_models import Book, db


# --8<-- [start:views]
class ModelView(MethodView):
    # One instance serves all requests: keep no request data on self.
    init_every_request = False

    def __init__(self, model, form_class=None):
        self.model = model
        self.form_class = form_class
        # "book": names the templates, as Django does.
        self.name = model.__name__.lower()

    def get_object(self, pk):
        # An id past SQLite's integers would raise (a 500): 404 instead.
        if pk >= 2**63:
            abort(404)
        # 404 when no row has this id.
        return db.get_or_404(self.model, pk)


class ListView(ModelView):
    def get(self):
        # 20 rows a page, ?page=2 for the next (404 past the last page).
        query = select(self.model).order_by(self.model.id)
        page = db.paginate(query, per_page=20, max_per_page=20)
        template = f"crud/{self.name}_list.html"
        return render_template(
            template, object_list=page.items, page=page
        )


class EditView(ModelView):
    """Create (no pk in the URL) or update (a pk), one template."""

    def get(self, pk=None):
        obj = self.model() if pk is None else self.get_object(pk)
        return self.render(self.form_class(obj=obj), obj)

    def post(self, pk=None):
        obj = self.model() if pk is None else self.get_object(pk)
        # On a POST the submitted data wins over obj.
        form = self.form_class(obj=obj)
        if not form.validate_on_submit():
            # Again, with the errors.
            return self.render(form, obj)
        # Copy each field onto the attribute of the same name.
        form.populate_obj(obj)
        db.session.add(obj)
        db.session.commit()
        flash(f"Saved “{obj}”.")
        return redirect(url_for(".list"))

    def render(self, form, obj):
        template = f"crud/{self.name}_form.html"
        return render_template(template, form=form, object=obj)


class DeleteView(ModelView):
    # A GET only asks; deleting takes a POST, with the token.
    def get(self, pk):
        template = f"crud/{self.name}_confirm_delete.html"
        return render_template(template, object=self.get_object(pk))

    def post(self, pk):
        obj = self.get_object(pk)
        db.session.delete(obj)
        db.session.commit()
        flash(f"Deleted “{obj}”.")
        return redirect(url_for(".list"))
# --8<-- [end:views]


# --8<-- [start:urls]
def register_crud(blueprint, model, form_class):
    """The four URLs of one model.

    The endpoints are "<blueprint>.list", ".create" and so on.
    """
    blueprint.add_url_rule(
        "/", view_func=ListView.as_view("list", model)
    )
    blueprint.add_url_rule(
        "/new", view_func=EditView.as_view("create", model, form_class)
    )
    blueprint.add_url_rule(
        "/<int:pk>/edit",
        view_func=EditView.as_view("update", model, form_class),
    )
    blueprint.add_url_rule(
        "/<int:pk>/delete",
        view_func=DeleteView.as_view("delete", model),
    )


books = Blueprint("books", __name__, url_prefix="/books")
register_crud(books, Book, BookForm)
# --8<-- [end:urls]
