# --8<-- [start:admin]
from django.contrib import admin

from .models import Book


# The list page: /admin/bench/book/
@admin.register(Book)
class BookAdmin(admin.ModelAdmin):
    list_display = ["title", "author", "year"]
    # Django's default, written out for the comparison.
    list_per_page = 100
# --8<-- [end:admin]
