"""The shop's views: a product list cached whole (see urls.py), and product pages read through a low-level cache."""

from django.core.cache import cache
from django.shortcuts import get_object_or_404
from django.views.generic import ListView, UpdateView

from .forms import StockForm
from .models import Product


# --8<-- [start:view_cache]
class ProductListView(ListView):  # cached in urls.py with cache_page(60)
    model = Product
    ordering = "name"
    paginate_by = 50  # a list page does not grow with the table
    template_name = "caching/products.html"
# --8<-- [end:view_cache]


# --8<-- [start:low_level]
def product_key(product_id):
    return f"product:{product_id}"


def get_product(product_id):
    """The product, from the cache when it is there."""
    product = cache.get(product_key(product_id))
    if product is None:  # a miss: read the row, then keep a copy for 5 minutes
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
        return get_object_or_404(Product, pk=self.kwargs["pk"])  # write to the row, never to the cached copy

    def form_valid(self, form):  # a POST with a valid CSRF token and stock
        # Saves the row, then redirects to get_success_url().
        response = super().form_valid(form)
        cache.delete(product_key(self.object.pk))  # the next read fetches the new row
        return response

    def get_success_url(self):  # back to this product's page
        return self.request.path
# --8<-- [end:invalidate]
