"""Make the record of account changes append-only in the database itself, as the access log
is (access migration 0004): PostgreSQL refuses UPDATE and DELETE of its rows; SQLite, the
embedded database of the demo, refuses UPDATE (Django's test runner empties tables with DELETE
between browser tests)."""

from django.db import migrations

POSTGRES_UP = """
CREATE OR REPLACE FUNCTION account_change_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'account changes are append-only';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER account_change_no_update BEFORE UPDATE OR DELETE ON workforce_accountchange
    FOR EACH ROW EXECUTE FUNCTION account_change_append_only();
"""
POSTGRES_DOWN = """
DROP TRIGGER IF EXISTS account_change_no_update ON workforce_accountchange;
DROP FUNCTION IF EXISTS account_change_append_only();
"""
SQLITE_UP = """
CREATE TRIGGER account_change_no_update BEFORE UPDATE ON workforce_accountchange
BEGIN SELECT RAISE(ABORT, 'account changes are append-only'); END;
"""
SQLITE_DOWN = "DROP TRIGGER IF EXISTS account_change_no_update;"


def forwards(apps, schema_editor):
    sql = POSTGRES_UP if schema_editor.connection.vendor == "postgresql" else SQLITE_UP
    schema_editor.execute(sql)


def backwards(apps, schema_editor):
    sql = POSTGRES_DOWN if schema_editor.connection.vendor == "postgresql" else SQLITE_DOWN
    schema_editor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [("workforce", "0003_account_changes_and_signed_in_sessions")]
    operations = [migrations.RunPython(forwards, backwards)]
