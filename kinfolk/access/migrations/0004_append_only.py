"""Make the access log append-only in the database itself.

PostgreSQL refuses UPDATE and DELETE of access records. SQLite, the embedded database of the
demo, refuses UPDATE; it allows DELETE because Django's test runner empties tables with DELETE
between browser tests (PostgreSQL's test runner uses TRUNCATE, which row triggers do not see).
"""

from django.db import migrations

POSTGRES_UP = """
CREATE OR REPLACE FUNCTION access_record_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'access records are append-only';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER access_record_no_update BEFORE UPDATE OR DELETE ON access_accessrecord
    FOR EACH ROW EXECUTE FUNCTION access_record_append_only();
"""
POSTGRES_DOWN = """
DROP TRIGGER IF EXISTS access_record_no_update ON access_accessrecord;
DROP FUNCTION IF EXISTS access_record_append_only();
"""
SQLITE_UP = """
CREATE TRIGGER access_record_no_update BEFORE UPDATE ON access_accessrecord
BEGIN SELECT RAISE(ABORT, 'access records are append-only'); END;
"""
SQLITE_DOWN = "DROP TRIGGER IF EXISTS access_record_no_update;"


def forwards(apps, schema_editor):
    sql = POSTGRES_UP if schema_editor.connection.vendor == "postgresql" else SQLITE_UP
    schema_editor.execute(sql)


def backwards(apps, schema_editor):
    sql = POSTGRES_DOWN if schema_editor.connection.vendor == "postgresql" else SQLITE_DOWN
    schema_editor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [("access", "0003_initial")]
    operations = [migrations.RunPython(forwards, backwards)]
