# --8<-- [start:admin]
from django.contrib import admin

from .models import Book


@admin.register(Book)  # the list page: /admin/bench/book/
class BookAdmin(admin.ModelAdmin):
    list_display = ["title", "author", "year"]
    list_per_page = 100  # Django's default, written out for the comparison
# --8<-- [end:admin]
