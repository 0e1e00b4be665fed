# --8<-- [start:view]
from django.urls import path
from django.views.generic import TemplateView

app_name = "static"
urlpatterns = [
    # A page that only renders a template; it finds the CSS file's
    # URL with {% static %}.
    path(
        "",
        TemplateView.as_view(template_name="static/page.html"),
        name="page",
    ),
]
# --8<-- [end:view]
