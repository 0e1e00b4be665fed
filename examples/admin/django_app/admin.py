# --8<-- [start:register]
from django.contrib import admin

from .models import Article


# Served at /admin/admin_demo/article/.
@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    # The list's columns.
    list_display = ["title", "author", "status", "published_on"]
    # The search box.
    search_fields = ["title", "author"]
    # The sidebar filters.
    list_filter = ["status", "published_on"]
# --8<-- [end:register]
