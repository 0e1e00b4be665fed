# --8<-- [start:register]
from django.contrib import admin

from .models import Article


@admin.register(Article)  # served at /admin/admin_demo/article/
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["title", "author", "status", "published_on"]  # list columns
    search_fields = ["title", "author"]  # the search box
    list_filter = ["status", "published_on"]  # the sidebar filters
# --8<-- [end:register]
