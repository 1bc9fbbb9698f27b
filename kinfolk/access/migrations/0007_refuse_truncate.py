"""Every access record carries its hash, and the database refuses to empty the log.

A row without a 64-character ``chain_hash`` is refused (a write that bypasses
kinfolk.access.services). PostgreSQL refuses TRUNCATE of the access log with a statement-level
trigger, beside 0004's row trigger that refuses UPDATE and DELETE; the tests' own emptying of
tables between transactional tests sets ``session_replication_role`` to ``replica`` for that
statement, which only a superuser may do (conftest.py). SQLite has no TRUNCATE; adding the
constraint rebuilds its table, so its UPDATE trigger of 0004 is made again here.
"""

import django.db.models.functions.text
import django.db.models.lookups
from django.db import migrations, models

POSTGRES_UP = """
DROP TRIGGER IF EXISTS access_record_no_update ON access_accessrecord;
CREATE TRIGGER access_record_no_update BEFORE UPDATE OR DELETE ON access_accessrecord
    FOR EACH ROW EXECUTE FUNCTION access_record_append_only();
DROP TRIGGER IF EXISTS access_record_no_truncate ON access_accessrecord;
CREATE TRIGGER access_record_no_truncate BEFORE TRUNCATE ON access_accessrecord
    FOR EACH STATEMENT EXECUTE FUNCTION access_record_append_only();
"""
POSTGRES_DOWN = "DROP TRIGGER IF EXISTS access_record_no_truncate ON access_accessrecord;"
SQLITE_UP = """
DROP TRIGGER IF EXISTS access_record_no_update;
CREATE TRIGGER access_record_no_update BEFORE UPDATE ON access_accessrecord
BEGIN SELECT RAISE(ABORT, 'access records are append-only'); END;
"""


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(POSTGRES_UP)
    else:
        for statement in SQLITE_UP.strip().split(";\n"):
            schema_editor.execute(statement)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(POSTGRES_DOWN)


class Migration(migrations.Migration):
    dependencies = [("access", "0006_chain_existing_rows")]
    operations = [
        migrations.AddConstraint(
            model_name="accessrecord",
            constraint=models.CheckConstraint(
                condition=django.db.models.lookups.Exact(
                    django.db.models.functions.text.Length("chain_hash"), 64
                ),
                name="access_record_is_chained",
            ),
        ),
        migrations.RunPython(forwards, backwards),
    ]
