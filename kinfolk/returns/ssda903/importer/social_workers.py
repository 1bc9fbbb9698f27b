"""Social workers: a placeholder worker for each SW_ID not recorded, and the allocations of the
social-worker episodes, loaded after the journey."""

from django.core.exceptions import ValidationError

from kinfolk.people.models import Child
from kinfolk.returns.ssda903.importer.rows import (
    IDENTIFIER,
    Event,
    Plan,
    RowError,
    date_at,
    row_origin,
    rows_by_child,
)
from kinfolk.returns.ssda903.tables import Tables
from kinfolk.workforce import services as workforce
from kinfolk.workforce.models import User


def worker_events(plan: Plan, tables: Tables) -> None:
    """A placeholder worker for each SW_ID not already recorded as a worker."""
    ids: dict[str, str] = {}
    for number, row in enumerate(tables.get("sw_episodes", []), start=1):
        origin = row_origin("sw_episodes", number)
        if not IDENTIFIER.match(row["SW_ID"]):
            plan.errors.append(
                f"{origin}: child {row['CHILD']}: SW_ID {row['SW_ID']!r} must be letters and "
                "digits only, at most 20"
            )
            continue
        ids.setdefault(row["SW_ID"], origin)
    known = set(User.objects.filter(username__in=ids).values_list("username", flat=True))
    for sw_id, origin in ids.items():
        if sw_id not in known:
            plan.workers.append(
                Event(
                    origin,
                    "",
                    None,
                    0,
                    {
                        "type": "worker",
                        "id": sw_id,
                        "name": f"Social worker {sw_id}",
                        "role": "social_worker",
                    },
                )
            )


def load_social_worker_episodes(tables: Tables) -> list[str]:
    """Allocate each child's case to the social worker of each SW episode, and end the last
    allocation (or one followed by a gap) on its SW_DEC."""
    errors: list[str] = []
    rows = rows_by_child(tables, "sw_episodes")
    if not rows:
        return errors
    children = {c.la_child_id: c for c in Child.objects.filter(la_child_id__in=rows)}
    workers = {
        w.username: w
        for w in User.objects.filter(
            username__in={r["SW_ID"] for items in rows.values() for _, r in items}
        )
    }
    for child_id, items in rows.items():
        child = children[child_id]
        try:
            dated = [
                (
                    number,
                    row,
                    date_at(row_origin("sw_episodes", number), row, "SW_DECOM"),
                    date_at(row_origin("sw_episodes", number), row, "SW_DEC", required=False),
                )
                for number, row in items
            ]
        except RowError as error:
            origin, _, message = str(error).partition("|")
            errors.append(f"{origin}: child {child_id}: {message}")
            continue
        dated.sort(key=lambda item: (item[2], item[0]))
        for index, (number, row, start, end) in enumerate(dated):
            origin = row_origin("sw_episodes", number)
            following = dated[index + 1][2] if index + 1 < len(dated) else None
            try:
                if end is not None and end < start:
                    raise ValidationError(
                        {"SW_DEC": f"{row['SW_DEC']} is before SW_DECOM (rule SW18STG2)"}
                    )
                if following is not None and (end is None or end > following):
                    raise ValidationError(
                        {
                            "SW_DEC": f"the episode runs past the next one's start, {dated[index + 1][1]['SW_DECOM']} (rule SW10STG2)"
                        }
                    )
                workforce.allocate_child(
                    child=child,
                    worker=workers[row["SW_ID"]],
                    start_on=start,
                    reason=row["SW_REASON"],
                )
                if end is not None and end != following:
                    workforce.end_allocation(child=child, end_on=end)
            except ValidationError as error:
                message = "; ".join(
                    f"{name}: {text}"
                    for name, texts in error.message_dict.items()
                    for text in texts
                )
                errors.append(f"{origin}: child {child_id}: allocation: {message}")
                break
    return errors
