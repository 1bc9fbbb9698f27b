"""Name the other child on the relationship entries already written.

The relationship service wrote "<first name> <last name> recorded as <relationship>" on the
child's chronology; an entry is matched to the child's relationship with another child whose
name it starts with. An entry that matches none (the other child renamed since, or the
relationship removed) is left as it is.
"""

from django.db import migrations

BATCH = 1000


def forwards(apps, schema_editor):
    ChronologyEntry = apps.get_model("chronology", "ChronologyEntry")
    Relationship = apps.get_model("people", "Relationship")
    names: dict[int, list[tuple[str, int]]] = {}
    others = Relationship.objects.filter(other_child__isnull=False).values_list(
        "child_id", "other_child_id", "other_child__first_name", "other_child__last_name"
    )
    for child_id, other_id, first_name, last_name in others.iterator(chunk_size=BATCH):
        names.setdefault(child_id, []).append((f"{first_name} {last_name} recorded as ", other_id))
    entries = ChronologyEntry.objects.filter(
        kind="relationship", other_child__isnull=True, child_id__in=list(names)
    ).only("pk", "child_id", "summary")
    batch = []
    for entry in entries.iterator(chunk_size=BATCH):
        for prefix, other_id in names.get(entry.child_id, []):
            if entry.summary.startswith(prefix):
                entry.other_child_id = other_id
                batch.append(entry)
                break
        if len(batch) >= BATCH:
            ChronologyEntry.objects.bulk_update(batch, ["other_child"])
            batch = []
    if batch:
        ChronologyEntry.objects.bulk_update(batch, ["other_child"])


class Migration(migrations.Migration):
    dependencies = [("chronology", "0008_entry_other_child"), ("people", "0002_initial")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
