# --8<-- [start:group]
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Look at the site's configuration."

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True)
        actions.add_parser(
            "info", help="Print the settings module and debug mode."
        )
        setting = actions.add_parser(
            "setting", help="Print one setting."
        )
        setting.add_argument("key")

    def handle(self, *args, action, **options):
        if action == "info":
            module, debug = settings.SETTINGS_MODULE, settings.DEBUG
            self.stdout.write(f"{module} (debug: {debug})")
            return
        key = options["key"]
        if not hasattr(settings, key):
            raise CommandError(f"no setting named {key}")
        self.stdout.write(str(getattr(settings, key)))
# --8<-- [end:group]
