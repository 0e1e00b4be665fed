# --8<-- [start:seed]
from django.core.management.base import BaseCommand, CommandError

from ...models import Author, Book, Tag


class Command(BaseCommand):
    help = "Add twelve books by three authors, with tags."

    def handle(self, *args, **options):
        if Book.objects.exists():
            raise CommandError("The database already has books.")
        tags = [
            Tag.objects.create(name=name)
            for name in ("classic", "fantasy", "humour")
        ]
        authors = [
            Author.objects.create(name=name)
            for name in ("Le Guin", "Butler", "Pratchett")
        ]
        for n in range(12):
            book = Book.objects.create(
                title=f"Book {n + 1:02}", author=authors[n % 3]
            )
            book.tags.set(tags[: n % 3 + 1])
        self.stdout.write("Added 12 books.")
# --8<-- [end:seed]
