"""Hash the access records already written onto the chain, in primary-key order, and set the
chain head (kinfolk.access.chain).

The canonical form is written out here rather than imported, so that this migration keeps
computing the hashes that the rows of its time were given whatever later code does. The
append-only trigger is set aside for the few statements that fill the new column.
"""

import datetime as dt
import hashlib
import json

from django.db import migrations

GENESIS = "0" * 64
FIELDS = ("user_id", "child_id", "action", "what", "path", "source")
BATCH = 2000


def _hash(previous, row):
    at = row.at.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    values = [previous, at, *(getattr(row, name) for name in FIELDS)]
    canonical = json.dumps(values, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return hashlib.sha256(canonical).hexdigest()


def forwards(apps, schema_editor):
    AccessRecord = apps.get_model("access", "AccessRecord")
    AccessChainHead = apps.get_model("access", "AccessChainHead")
    connection = schema_editor.connection
    if connection.vendor == "postgresql":
        schema_editor.execute(
            "ALTER TABLE access_accessrecord DISABLE TRIGGER access_record_no_update"
        )
    else:
        # Migration 0007 creates it again.
        schema_editor.execute("DROP TRIGGER IF EXISTS access_record_no_update")
    previous = GENESIS
    count = 0
    batch = []
    rows = AccessRecord.objects.order_by("pk").only("pk", "at", *FIELDS)
    for row in rows.iterator(chunk_size=BATCH):
        row.chain_hash = previous = _hash(previous, row)
        batch.append(row)
        count += 1
        if len(batch) >= BATCH:
            AccessRecord.objects.bulk_update(batch, ["chain_hash"])
            batch = []
    if batch:
        AccessRecord.objects.bulk_update(batch, ["chain_hash"])
    AccessChainHead.objects.update_or_create(
        pk=1, defaults={"last_hash": previous, "length": count}
    )
    if connection.vendor == "postgresql":
        schema_editor.execute(
            "ALTER TABLE access_accessrecord ENABLE TRIGGER access_record_no_update"
        )


class Migration(migrations.Migration):
    dependencies = [("access", "0005_chain")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
