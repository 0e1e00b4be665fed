"""Caching: a page and an object cached in a real Redis, and a write that invalidates the object.

Each test talks to its own `redis-server` (tests/examples/services.py) and
counts the SQL queries a request runs: a request answered from the cache runs
none. Both apps are driven the same way, through their test clients, with the
CSRF token read from the form as a browser would. Django is requested through
the project's URLs (/caching/...), as `runserver` serves it, so the template's
`{% url 'caching:...' %}` resolves. The page's Run it (a real server on Redis) is its
Run-it walk (tests/examples/test_run_it.py).
"""

from __future__ import annotations

import importlib
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass

import pytest
import redis
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from sqlalchemy import event

from caching import flask_app
from tests.examples.services import redis_server

FRAMEWORKS = ["flask", "django"]
# Every test may reach Django's test database: the parametrized `shop` fixture
# asks for it at run time, which pytest-django only honours with the mark.
pytestmark = pytest.mark.django_db
TOKEN = re.compile(
    r'name="(csrf_token|csrfmiddlewaretoken)"[^>]*value="([^"]+)"|value="([^"]+)"[^>]*name="(csrf_token|csrfmiddlewaretoken)"'
)


@pytest.fixture(scope="module")
def redis_url():
    with redis_server() as url:
        yield url


@pytest.fixture
def store(redis_url):
    """The test's Redis, emptied: what the cache holds, seen from outside the app."""
    client = redis.Redis.from_url(redis_url, decode_responses=True)
    client.flushdb()
    yield client
    client.close()


@dataclass
class Shop:
    """Either app, with two products, driven the way a browser would."""

    client: object
    count_queries: Callable[[Callable[[], object]], tuple[object, int]]
    stock_of: Callable[[int], int]
    list_url: str
    detail_url: str  # with {id}
    product_key: str  # the low-level cache key of product 1, as stored in Redis
    view_key: str  # a substring of the per-view cache key

    def get(self, url: str):
        response, queries = self.count_queries(lambda: self.client.get(url))
        return (
            response.status_code,
            response.get_data(as_text=True) if hasattr(response, "get_data") else response.content.decode(),
            queries,
        )

    def token(self) -> dict[str, str]:
        """The CSRF field of product 1's form, read from the page as a browser would."""
        _, html, _ = self.get(self.detail_url.format(id=1))
        match = TOKEN.search(html)
        assert match, "the form has no CSRF token"
        return {match.group(1) or match.group(4): match.group(2) or match.group(3)}

    def post(self, url: str, data: dict[str, str]):
        """With the form's token (without it: the attack suite's csrf rule, tests/attacks/test_writes.py)."""
        response = self.client.post(url, data={**self.token(), **data})
        body = response.get_data(as_text=True) if hasattr(response, "get_data") else response.content.decode()
        return response.status_code, response.headers.get("Location"), body


@pytest.fixture
def flask_shop(store, redis_url, monkeypatch, tmp_path):
    from caching.flask_views import Product

    monkeypatch.setenv("REDIS_URL", redis_url)
    app = flask_app.create_app(
        {"SECRET_KEY": "test-only", "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'shop.sqlite3'}"}
    )
    queries: list[str] = []
    with app.app_context():
        flask_app.db.session.add_all([Product(name="Teapot", stock=12), Product(name="Kettle", stock=3)])
        flask_app.db.session.commit()
        event.listen(flask_app.db.engine, "before_cursor_execute", lambda conn, cursor, sql, *rest: queries.append(sql))

    def count(request):
        before = len(queries)
        return request(), len(queries) - before

    def stock_of(product_id):
        with app.app_context():
            return flask_app.db.session.get(Product, product_id).stock

    shop = Shop(
        app.test_client(),
        count,
        stock_of,
        "/products/",
        "/products/{id}/",
        "shop:product:1",
        "shop:view//products/",
    )
    shop.app = app
    yield shop
    with app.app_context():
        flask_app.db.engine.dispose()


@pytest.fixture
def django_shop(store, redis_url, monkeypatch, settings):
    from caching.django_app.models import Product

    # The page's settings module, read afresh as a new process would, pointing at this test's Redis.
    monkeypatch.setenv("REDIS_URL", redis_url)
    monkeypatch.delitem(sys.modules, "caching.django_app.settings", raising=False)
    settings.CACHES = importlib.import_module("caching.django_app.settings").CACHES
    Product.objects.create(name="Teapot", stock=12)
    Product.objects.create(name="Kettle", stock=3)

    def count(request):
        with CaptureQueriesContext(connection) as ctx:
            response = request()
        return response, len(ctx.captured_queries)

    return Shop(
        Client(enforce_csrf_checks=True),
        count,
        lambda pk: Product.objects.get(pk=pk).stock,
        "/caching/products/",
        "/caching/products/{id}/",
        "shop:1:product:1",
        "cache_page",
    )


@pytest.fixture(params=FRAMEWORKS)
def framework(request) -> str:
    return request.param


@pytest.fixture
def shop(request, framework) -> Shop:
    return request.getfixturevalue(f"{framework}_shop")


def test_the_second_request_for_the_list_is_answered_from_redis(shop, store):
    status, first, queries = shop.get(shop.list_url)
    assert status == 200 and "Teapot</a>: 12 in stock" in first and "Kettle</a>: 3 in stock" in first
    assert queries >= 1
    status, second, queries = shop.get(shop.list_url)
    assert (status, second, queries) == (200, first, 0)  # no SQL: the page came from the cache
    view_keys = [key for key in store.keys("shop*") if shop.view_key in key]
    assert view_keys, f"no cached page in Redis: {store.keys('*')}"
    assert all(0 < store.ttl(key) <= 60 for key in view_keys)  # the timeout the page names


def test_what_each_per_view_cache_keys_on_and_tells_the_browser(shop, framework):
    shop.get(shop.list_url)
    # Flask-Caching keys on the path alone: a query string reuses the entry.
    # Django keys on the whole URL, so the query string makes a new entry.
    _, _, queries = shop.get(shop.list_url + "?page=2")
    assert queries == (0 if framework == "flask" else 1)
    # Django's cache_page also tells browsers and proxies to keep the page.
    cache_control = shop.client.get(shop.list_url).headers.get("Cache-Control")
    assert cache_control == (None if framework == "flask" else "max-age=60")


def test_the_product_is_read_through_the_low_level_cache(shop, store):
    url = shop.detail_url.format(id=1)
    status, html, queries = shop.get(url)
    assert status == 200 and "<h1>Teapot</h1>" in html and "12 in stock" in html
    assert queries >= 1
    assert store.exists(shop.product_key)
    assert 0 < store.ttl(shop.product_key) <= 300
    status, html, queries = shop.get(url)
    assert status == 200 and "12 in stock" in html
    assert queries == 0


def test_a_write_deletes_the_cached_product_and_the_list_waits_for_its_timeout(shop, store):
    url = shop.detail_url.format(id=1)
    shop.get(shop.list_url)
    shop.get(url)
    assert store.exists(shop.product_key)

    status, location, _ = shop.post(url, {"stock": "5"})
    assert status == 302 and location.endswith(url)
    assert not store.exists(shop.product_key)  # invalidated on write
    assert shop.stock_of(1) == 5

    status, html, queries = shop.get(url)
    assert status == 200 and "5 in stock" in html and queries >= 1
    # The cached page is not invalidated: it shows the old stock until its 60 seconds are up.
    status, html, queries = shop.get(shop.list_url)
    assert "Teapot</a>: 12 in stock" in html and queries == 0


@pytest.mark.parametrize("stock", ["abc", "-1", "", "1e3", str(10**30), str(2**63)])
def test_bad_stock_shows_the_form_again_and_changes_nothing(shop, store, stock):
    """Never a 500: a number past what the database stores is a form error like any other."""
    url = shop.detail_url.format(id=1)
    status, _, html = shop.post(url, {"stock": stock})
    assert status == 200 and "New stock" in html
    assert shop.stock_of(1) == 12
    status, html, _ = shop.get(url)
    assert "12 in stock" in html


def test_the_error_is_shown_on_the_form(shop):
    status, _, html = shop.post(shop.detail_url.format(id=1), {"stock": "-1"})
    assert status == 200  # the form again, the same in both frameworks
    # WTForms' NumberRange and Django's PositiveIntegerField word it differently.
    assert (
        "Number must be between 0 and 2147483647." in html or "Ensure this value is greater than or equal to 0." in html
    )


def test_an_unknown_product_is_a_404_and_nothing_is_cached(shop, store):
    assert shop.get(shop.detail_url.format(id=2**63))[0] == 404  # past the database's integers
    url = shop.detail_url.format(id=999)
    assert shop.get(url)[0] == 404
    assert shop.post(url, {"stock": "1"})[0] == 404  # a valid token and stock, for no product
    assert shop.post(url, {"stock": "x"})[0] == 404
    assert not [key for key in store.keys("*") if key.endswith("product:999")]


def test_flask_cli_adds_a_product(flask_shop):
    from caching.flask_views import Product

    result = flask_shop.app.test_cli_runner().invoke(args=["shop", "add", "Mug", "4"])
    assert result.exit_code == 0, result.output
    with flask_shop.app.app_context():
        assert flask_app.db.session.scalars(flask_app.db.select(Product).where(Product.name == "Mug")).one().stock == 4
