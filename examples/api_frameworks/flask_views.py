import flask_smorest
from flask.views import MethodView
from flask_smorest import abort
from webargs.flaskparser import FlaskParser

from .flask_models import Book, db
from .flask_schemas import BookSchema


# --8<-- [start:views]
class JSONParser(FlaskParser):
    """webargs' parser, except that JSON nested too deep for Python
    is a 400, not a 500."""

    def load_json(self, req, schema):
        try:
            return super().load_json(req, schema)
        except RecursionError:
            # json.loads gives up a few thousand levels of [[[... deep.
            abort(400, message="The JSON body is nested too deeply.")


class Blueprint(flask_smorest.Blueprint):
    ARGUMENTS_PARSER = JSONParser()


books = Blueprint(
    "books",
    __name__,
    url_prefix="/api/books",
    description="Books and their years",
)


@books.route("/")
class Books(MethodView):
    @books.response(200, BookSchema(many=True))
    # ?page=2&page_size=50: 10 a page by default, 100 at most; the
    # totals go in the X-Pagination header.
    @books.paginate(max_page_size=100)
    def get(self, pagination_parameters):
        """List the books, a page at a time"""
        pagination_parameters.item_count = db.session.scalar(
            db.select(db.func.count()).select_from(Book)
        )
        # ?page= has no upper bound: past SQLite's integers an OFFSET
        # raises (a 500), so it stops there; no table is that long.
        first = min(pagination_parameters.first_item, 2**63 - 1)
        page = (
            db.select(Book).order_by(Book.id)
            .offset(first).limit(pagination_parameters.page_size)
        )
        return db.session.scalars(page)

    # Parse and validate the JSON body, or answer 422.
    @books.arguments(BookSchema)
    @books.response(201, BookSchema)
    def post(self, new_book):
        """Add a book"""
        book = Book(**new_book)
        db.session.add(book)
        db.session.commit()
        return book


@books.route("/<int:book_id>")
class BookById(MethodView):
    @books.response(200, BookSchema)
    def get(self, book_id):
        """Fetch one book"""
        # Past 2**63 - 1 SQLite raises OverflowError (a 500); no such
        # id can exist anyway.
        book = None
        if book_id < 2**63:
            book = db.session.get(Book, book_id)
        if book is None:
            abort(404, message=f"No book with id {book_id}.")
        return book
# --8<-- [end:views]
