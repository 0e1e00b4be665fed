# --8<-- [start:seed]
from django.core.management.base import BaseCommand, CommandError

from bench.django_app.models import Book


class Command(BaseCommand):
    help = "Replace every book with ROWS new ones (after `migrate`)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--rows", type=int, default=300, help="How many books."
        )

    def handle(self, *args, rows, **options):
        if rows < 1:
            raise CommandError("--rows must be 1 or more")
        Book.objects.all().delete()
        Book.objects.bulk_create(
            Book(
                title=f"Book {n}",
                author=f"Author {n % 37}",
                year=1900 + n % 125,
            )
            for n in range(1, rows + 1)
        )
        self.stdout.write(f"{rows} books")
# --8<-- [end:seed]
