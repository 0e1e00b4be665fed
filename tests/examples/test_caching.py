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

from collections.abc import Callable
from dataclasses import dataclass

import pytest
import redis
from django.db import connection
from django.test.utils import CaptureQueriesContext
from sqlalchemy import event

from caching import flask_app
from tests.examples import apps
from tests.examples.browsing import Inputs, body
from tests.examples.services import redis_server
from tests.examples.serving import fresh_settings

# Every test may reach Django's test database: the parametrized `shop` fixture
# asks for it at run time, which pytest-django only honours with the mark.
pytestmark = pytest.mark.django_db


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

    site: apps.Site
    queries: Callable[[], int]  # how many SQL queries the app has run so far
    product: type  # the model
    product_key: str  # the low-level cache key of product 1, as stored in Redis
    view_key: str  # a substring of the per-view cache key
    list_url: str = ""
    detail_url: str = ""  # with {id}

    def __post_init__(self):
        self.client = self.site.client()
        self.list_url, self.detail_url = self.site.url("products/"), self.site.url("products/{id}/")

    def get(self, url: str):
        before = self.queries()
        response = self.client.get(url)
        return response.status_code, body(response), self.queries() - before

    def post(self, url: str, data: dict[str, str]):
        """With product 1's form token (without it: the attack suite's csrf rule, tests/attacks/test_writes.py)."""
        token = Inputs(self.get(self.detail_url.format(id=1))[1]).hidden()
        response = self.client.post(url, data={**token, **data})
        return response.status_code, response.headers.get("Location"), body(response)

    def stock_of(self, product_id: int) -> int:
        with self.site.context():
            if self.site.framework == "flask":
                return flask_app.db.session.get(self.product, product_id).stock
            return self.product.objects.get(pk=product_id).stock


@pytest.fixture(params=apps.FRAMEWORKS)
def shop(request, store, redis_url, monkeypatch, tmp_path):
    """Either app (tests/examples/apps.py), its cache in this test's Redis, its SQL queries counted."""
    monkeypatch.setenv("REDIS_URL", redis_url)
    if request.param == "flask":
        from caching.flask_views import Product

        site = apps.Site("caching", "flask", apps.build_flask("caching", tmp_path, {"REDIS_URL": redis_url}))
        sql: list[str] = []
        with site.context():
            flask_app.db.session.add_all([Product(name="Teapot", stock=12), Product(name="Kettle", stock=3)])
            flask_app.db.session.commit()
            event.listen(flask_app.db.engine, "before_cursor_execute", lambda *args: sql.append(args[2]))
        yield Shop(site, sql.__len__, Product, "shop:product:1", "shop:view//products/")
        apps.dispose(site.app)
        return
    from caching.django_app.models import Product

    # The page's settings module, read afresh as a new process would, pointing at this test's Redis.
    request.getfixturevalue("settings").CACHES = fresh_settings("caching.django_app.settings", monkeypatch).CACHES
    Product.objects.create(name="Teapot", stock=12)
    Product.objects.create(name="Kettle", stock=3)
    with CaptureQueriesContext(connection) as captured:
        site = apps.Site("caching", "django")
        yield Shop(site, lambda: len(captured.captured_queries), Product, "shop:1:product:1", "cache_page")


def test_the_second_request_for_the_list_is_answered_from_redis(shop, store):
    status, first, queries = shop.get(shop.list_url)
    assert status == 200 and "Teapot</a>: 12 in stock" in first and "Kettle</a>: 3 in stock" in first
    assert queries >= 1
    status, second, queries = shop.get(shop.list_url)
    assert (status, second, queries) == (200, first, 0)  # no SQL: the page came from the cache
    view_keys = [key for key in store.keys("shop*") if shop.view_key in key]
    assert view_keys, f"no cached page in Redis: {store.keys('*')}"
    assert all(0 < store.ttl(key) <= 60 for key in view_keys)  # the timeout the page names


def test_what_each_per_view_cache_keys_on_and_tells_the_browser(shop):
    framework = shop.site.framework
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


@pytest.mark.parametrize("shop", ["flask"], indirect=True)
def test_flask_cli_adds_a_product(shop):
    result = shop.site.app.test_cli_runner().invoke(args=["shop", "add", "Mug", "4"])
    assert result.exit_code == 0, result.output
    assert shop.stock_of(3) == 4
