import click
from flask import Blueprint, abort, render_template, request
from sqlalchemy import select
from sqlalchemy.orm import joinedload, selectinload

from .flask_models import Author, Book, Tag, db

# cli_group=None: the blueprint's commands sit at the top level, "flask seed-books".
books = Blueprint("books", __name__, cli_group=None)


# --8<-- [start:list]
PER_PAGE = 5
MAX_PAGE = 10_000


def page_number():
    """The ?page= number, or a 404 if it is no page, as in Django."""
    try:
        page = int(request.args.get("page") or 1)
    except ValueError:
        abort(404)
    # db.paginate() sends any number to OFFSET; past 2**63 SQLite
    # raises, a 500.
    if not 1 <= page <= MAX_PAGE:
        abort(404)
    return page


@books.get("/books/")
def book_list():
    query = (
        select(Book)
        # No query per book.
        .options(joinedload(Book.author), selectinload(Book.tags))
        .order_by(Book.title, Book.id)
    )
    # Two more queries: the total for the page count, and the page's
    # books. 404 past the end.
    page = db.paginate(query, page=page_number(), per_page=PER_PAGE)
    return render_template("relationships/book_list.html", page=page)
# --8<-- [end:list]


# --8<-- [start:filter]
@books.get("/tags/<name>/")
def tag_detail(name):
    tag = db.first_or_404(select(Tag).where(Tag.name == name))
    found = db.session.scalars(
        select(Book)
        # Through book_tag.
        .join(Book.tags)
        .where(Tag.name == name)
        .options(joinedload(Book.author))
        .order_by(Book.title)
    )
    return render_template(
        "relationships/tag_detail.html", tag=tag, books=found
    )
# --8<-- [end:filter]


# --8<-- [start:seed]
@books.cli.command("seed-books")
def seed_books():
    """Add twelve books by three authors, with tags."""
    if db.session.scalar(select(Book).limit(1)):
        raise click.ClickException("The database already has books.")
    tags = [Tag(name=name) for name in ("classic", "fantasy", "humour")]
    authors = [
        Author(name=name) for name in ("Le Guin", "Butler", "Pratchett")
    ]
    for n in range(12):
        book = Book(
            title=f"Book {n + 1:02}",
            author=authors[n % 3],
            tags=tags[: n % 3 + 1],
        )
        db.session.add(book)
    db.session.commit()
    click.echo("Added 12 books.")
# --8<-- [end:seed]
