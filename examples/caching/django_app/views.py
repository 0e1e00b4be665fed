"""The shop's views: a product list cached whole (see urls.py), and product pages read through a low-level cache."""

from django.core.cache import cache
from django.shortcuts import get_object_or_404
from django.views.generic import ListView, UpdateView

from .forms import StockForm
from .models import Product


# --8<-- [start:view_cache]
# Cached in urls.py with cache_page(60).
class ProductListView(ListView):
    model = Product
    ordering = "name"
    # A list page does not grow with the table.
    paginate_by = 50
    template_name = "caching/products.html"
# --8<-- [end:view_cache]


# --8<-- [start:low_level]
def product_key(product_id):
    return f"product:{product_id}"


def get_product(product_id):
    """The product, from the cache when it is there."""
    product = cache.get(product_key(product_id))
    # A miss: read the row, then keep a copy for 5 minutes.
    if product is None:
        product = get_object_or_404(Product, pk=product_id)
        cache.set(product_key(product_id), product, timeout=300)
    return product
# --8<-- [end:low_level]


# --8<-- [start:invalidate]
class ProductDetailView(UpdateView):
    form_class = StockForm
    template_name = "caching/product.html"

    def get_object(self, queryset=None):
        if self.request.method == "GET":
            return get_product(self.kwargs["pk"])
        # Write to the row, never to the cached copy.
        return get_object_or_404(Product, pk=self.kwargs["pk"])

    # A POST with a valid CSRF token and stock.
    def form_valid(self, form):
        # Saves the row, then redirects to get_success_url().
        response = super().form_valid(form)
        # The next read fetches the new row.
        cache.delete(product_key(self.object.pk))
        return response

    # Back to this product's page.
    def get_success_url(self):
        return self.request.path
# --8<-- [end:invalidate]
