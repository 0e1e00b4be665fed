from django.apps import AppConfig


class ReviewsConfig(AppConfig):
    name = "structure.django_app.reviews"
