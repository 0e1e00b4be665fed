import uuid

from django.db import migrations, models


def give_each_row_a_key(apps, schema_editor):
    Document = apps.get_model("uploads", "Document")
    for document in Document.objects.filter(key__isnull=True):
        document.key = uuid.uuid4()
        document.save(update_fields=["key"])


class Migration(migrations.Migration):
    """A unique random key per row: added empty, filled row by row, then made unique."""

    dependencies = [
        ("uploads", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="document",
            name="key",
            field=models.UUIDField(editable=False, null=True),
        ),
        migrations.RunPython(give_each_row_a_key, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="document",
            name="key",
            field=models.UUIDField(default=uuid.uuid4, editable=False, unique=True),
        ),
    ]
