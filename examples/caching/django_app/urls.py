from django.urls import path
from django.views.decorators.cache import cache_page

from . import views

app_name = "caching"

# --8<-- [start:view_cache]
urlpatterns = [
    # The whole response, under a key made from the URL and the Vary
    # headers.
    path(
        "products/",
        cache_page(60)(views.ProductListView.as_view()),
        name="product_list",
    ),
    path(
        "products/<int:pk>/",
        views.ProductDetailView.as_view(),
        name="product_detail",
    ),
]
# --8<-- [end:view_cache]
