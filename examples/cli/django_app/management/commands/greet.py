# --8<-- [start:command]
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Greet NAME one or more times."

    def add_arguments(self, parser):
        parser.add_argument("name")
        parser.add_argument(
            "--times", type=int, default=1, help="How many greetings."
        )
        parser.add_argument(
            "--shout", action="store_true", help="Print in capitals."
        )

    def handle(self, *args, name, times, shout, **options):
        if times < 1:
            raise CommandError("--times must be 1 or more")
        message = f"Hello, {name}!"
        if shout:
            message = message.upper()
        for _ in range(times):
            self.stdout.write(message)
# --8<-- [end:command]
