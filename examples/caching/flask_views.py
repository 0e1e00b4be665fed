"""The shop's views: a cached product list, and product pages read through a low-level cache."""

from click import argument
from flask import Blueprint, abort, redirect, render_template, url_for
from flask_wtf import FlaskForm
from sqlalchemy import select
from sqlalchemy.orm import Mapped, mapped_column
from wtforms import IntegerField
from wtforms.validators import InputRequired, NumberRange

from .flask_app import cache, db

shop = Blueprint("shop", __name__, url_prefix="/products")


# --8<-- [start:model]
class Product(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
    stock: Mapped[int]


class StockForm(FlaskForm):
    # The top is what an INTEGER column holds (PostgreSQL; SQLite's
    # is 2**63 - 1): a larger number would reach the database and
    # raise, a 500.
    stock = IntegerField("New stock", validators=[
        InputRequired(), NumberRange(min=0, max=2_147_483_647),
    ])


# flask --app caching.flask_app shop add Teapot 12
@shop.cli.command("add")
@argument("name")
@argument("stock", type=int)
def add_product(name, stock):
    db.session.add(Product(name=name, stock=stock))
    db.session.commit()
# --8<-- [end:model]


# --8<-- [start:view_cache]
@shop.get("/")
# The whole response, under the key "view/<path>".
@cache.cached(timeout=60)
def product_list():
    # At most 50 rows: a list page does not grow with the table.
    query = select(Product).order_by(Product.name).limit(50)
    products = db.session.scalars(query).all()
    return render_template("products.html", products=products)
# --8<-- [end:view_cache]


# --8<-- [start:low_level]
def product_key(product_id):
    return f"product:{product_id}"


def get_product(product_id):
    """The product as a plain dict, from the cache when it is there."""
    product = cache.get(product_key(product_id))
    # A miss: read the row, then keep a copy for 5 minutes.
    if product is None:
        row = db.get_or_404(Product, product_id)
        product = {"id": row.id, "name": row.name, "stock": row.stock}
        cache.set(product_key(product_id), product, timeout=300)
    return product
# --8<-- [end:low_level]


# --8<-- [start:invalidate]
@shop.route("/<int:product_id>/", methods=["GET", "POST"])
def product_detail(product_id):
    # Past SQLite's integers: it would raise, a 500.
    if product_id >= 2**63:
        abort(404)
    form = StockForm()
    # A POST with a valid CSRF token and stock.
    if form.validate_on_submit():
        # Write to the row, never to the cached copy.
        row = db.get_or_404(Product, product_id)
        row.stock = form.stock.data
        db.session.commit()
        # The next read fetches the new row.
        cache.delete(product_key(product_id))
        return redirect(
            url_for(".product_detail", product_id=product_id)
        )
    # A GET, or the form again with its errors.
    product = get_product(product_id)
    return render_template("product.html", product=product, form=form)
# --8<-- [end:invalidate]
