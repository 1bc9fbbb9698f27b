"""Building, keeping and submitting the statutory returns, and today's data quality.

A generated return is stored as a ``Submission`` with the file exactly as built. Marking it
as submitted freezes it: it is never changed or deleted afterwards, and it is what next
year's SSDA903 continuity rules compare against (``previous_ssda903``).

``check_returns`` builds a year's returns and runs their validators, for the whole authority
or for a few children; ``kinfolk.returns.data_quality`` stores its failures for the data
quality page and rechecks only the children whose casework changed. When another part of the
returns is not built yet (an ``ImportError`` or ``NotImplementedError``), that return is
reported as not available rather than failing the page.
"""

import datetime as dt
import io
import logging
import tempfile
import threading
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import close_old_connections, transaction
from django.db.models import Min
from django.utils import timezone
from django.utils.translation import gettext as _

from kinfolk.access.choices import AccessAction
from kinfolk.access.services import record_listing
from kinfolk.core.actors import Actor, staff_member
from kinfolk.returns.framework import CollectionYear, Failure
from kinfolk.returns.models import BuildStatus, ReturnKind, Submission

logger = logging.getLogger(__name__)

#: Collection-year returns, validated all year round on the data quality pages.
VALIDATED_KINDS = (ReturnKind.CIN_CENSUS, ReturnKind.SSDA903)


def collection_year_of(day: dt.date) -> CollectionYear:
    """The collection year containing ``day``: April to March (22 November 2026 is in
    2026-27)."""
    start_year = day.year if day.month >= 4 else day.year - 1
    return CollectionYear(dt.date(start_year, 4, 1), dt.date(start_year + 1, 3, 31))


def current_year() -> CollectionYear:
    """The collection year being recorded now: what the data quality pages check."""
    return collection_year_of(timezone.localdate())


def default_return_year() -> CollectionYear:
    """The year a CIN census or SSDA903 return is usually built for: the latest one that has
    ended. The DfE collects each year's returns in the spring and summer after it ends, so in
    December 2026 the return to send is still 2025-26's."""
    return current_year().previous()


#: How many years back the pages offer at most, however old the earliest casework is.
MAX_YEARS_OFFERED = 10


def collection_years() -> list[CollectionYear]:
    """The years a return can be built or checked for, newest first: the current year back
    to the year of the earliest referral or period of care (always at least the year just
    ended), and at most ``MAX_YEARS_OFFERED``."""
    from kinfolk.care.models import CareEpisode
    from kinfolk.casework.models import ChildInNeedEpisode

    firsts = [
        ChildInNeedEpisode.objects.aggregate(first=Min("referral_on"))["first"],
        CareEpisode.objects.aggregate(first=Min("start_on"))["first"],
    ]
    years = [current_year(), default_return_year()]
    earliest = min((day for day in firsts if day is not None), default=None)
    while earliest is not None and years[-1].start > earliest and len(years) < MAX_YEARS_OFFERED:
        years.append(years[-1].previous())
    return years


def zip_tables(tables: dict[str, list[dict[str, str]]]) -> bytes:
    """The SSDA903 return as one zip of its CSV files, as ``write_tables`` writes them."""
    from kinfolk.returns.ssda903.tables import write_tables

    with tempfile.TemporaryDirectory() as folder:
        write_tables(tables, Path(folder))
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
            for path in sorted(Path(folder).iterdir()):
                archive.write(path, path.name)
    return out.getvalue()


def unzip_tables(content: bytes) -> dict[str, list[dict[str, str]]]:
    """The tables of a zipped SSDA903 return (``read_tables`` on its CSV files)."""
    from kinfolk.returns.ssda903.tables import read_tables

    with tempfile.TemporaryDirectory() as folder:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            for name in archive.namelist():
                # Only the file names: a stored zip never writes outside the folder.
                (Path(folder) / Path(name).name).write_bytes(archive.read(name))
        return read_tables(Path(folder))


def build_file(kind: str, *, year: CollectionYear | None, as_of: dt.date | None) -> bytes:
    """The file of a return, built from the casework now. The period is the one
    ``start_submission`` required: a year for the CIN census and SSDA903, a date for Annex A."""
    if kind == ReturnKind.CIN_CENSUS:
        from kinfolk.returns.cin.builder import build_cin_census

        assert year is not None
        return build_cin_census(year)
    if kind == ReturnKind.SSDA903:
        from kinfolk.returns.ssda903.builder import build_ssda903

        assert year is not None
        return zip_tables(build_ssda903(year))
    from kinfolk.returns.annex_a import build_annex_a

    assert as_of is not None
    return build_annex_a(as_of)


def _check_period(kind: str, year: CollectionYear | None, as_of: dt.date | None) -> None:
    if kind not in ReturnKind.values:
        raise ValidationError({"kind": _("Choose a return")})
    if kind == ReturnKind.ANNEX_A and as_of is None:
        raise ValidationError({"as_of": _("Enter the date of the lists")})
    if kind != ReturnKind.ANNEX_A and year is None:
        raise ValidationError({"year": _("Enter the collection year")})


def start_submission(
    *,
    kind: str,
    actor: Actor | None,
    year: CollectionYear | None = None,
    as_of: dt.date | None = None,
) -> Submission:
    """Record that a return is being built; ``finish_submission`` stores the file."""
    _check_period(kind, year, as_of)
    return Submission.objects.create(
        kind=kind,
        year=year.label if year and kind != ReturnKind.ANNEX_A else "",
        as_of=as_of if kind == ReturnKind.ANNEX_A else None,
        status=BuildStatus.BUILDING,
        generated_at=timezone.now(),
        generated_by=staff_member(actor),
    )


def finish_submission(submission_id: int) -> Submission:
    """Build the file of a return being built and store it, or store why it failed. Safe to
    run twice: a finished return is left as it is."""
    submission = Submission.objects.get(pk=submission_id)
    if submission.status != BuildStatus.BUILDING:
        return submission
    year = CollectionYear.parse(submission.year) if submission.year else None
    try:
        content = build_file(submission.kind, year=year, as_of=submission.as_of)
    except (ImportError, NotImplementedError):
        submission.status = BuildStatus.FAILED
        submission.problem = _("This return cannot be built yet.")
    except ValueError as error:
        submission.status = BuildStatus.FAILED
        submission.problem = str(error)
    else:
        submission.content = content
        submission.status = BuildStatus.READY
        submission.generated_at = timezone.now()
    submission.save(update_fields=["content", "status", "problem", "generated_at"])
    return submission


def generate_submission(
    *,
    kind: str,
    actor: Actor | None,
    year: CollectionYear | None = None,
    as_of: dt.date | None = None,
) -> Submission:
    """Build a return from the casework and keep it, in one go."""
    submission = start_submission(kind=kind, actor=actor, year=year, as_of=as_of)
    return finish_submission(submission.pk)


def build_in_background(submission: Submission) -> threading.Thread:
    """Build a started return in a thread of its own, once the request's transaction has
    committed, so that the page can show its progress."""

    def run() -> None:
        close_old_connections()
        try:
            finish_submission(submission.pk)
        except Exception:  # a thread's last resort: the page must not wait forever
            logger.exception("Building return %s failed", submission.pk)
            Submission.objects.filter(pk=submission.pk).update(
                status=BuildStatus.FAILED, problem=_("The build stopped with an error.")
            )
        finally:
            close_old_connections()

    thread = threading.Thread(target=run, name=f"return-{submission.pk}", daemon=True)
    transaction.on_commit(thread.start)
    return thread


@transaction.atomic
def mark_submitted(*, submission: Submission, actor: Actor | None) -> Submission:
    """Record that the authority sent this return. From then on it is kept unchanged: a
    return already submitted, or a second one of the same return and year, is refused."""
    submission = Submission.objects.select_for_update().get(pk=submission.pk)
    if submission.is_submitted:
        raise ValidationError(
            {"submission": _("This return was already marked as submitted; it cannot change.")}
        )
    if submission.status != BuildStatus.READY:
        raise ValidationError({"submission": _("Only a return that has been built can be sent.")})
    already = Submission.objects.filter(
        kind=submission.kind,
        year=submission.year,
        as_of=submission.as_of,
        submitted_at__isnull=False,
    )
    if already.exists():
        raise ValidationError(
            {
                "submission": _("A %(kind)s for %(period)s has already been submitted.")
                % {"kind": submission.get_kind_display(), "period": submission.period_label}
            }
        )
    submission.submitted_at = timezone.now()
    submission.submitted_by = staff_member(actor)
    submission.save(update_fields=["submitted_at", "submitted_by"])
    return submission


@transaction.atomic
def delete_submission(*, submission: Submission, actor: Actor | None) -> None:
    """Throw away a generated return that was not sent; a submitted return is kept for
    good."""
    submission = Submission.objects.select_for_update().get(pk=submission.pk)
    if submission.is_submitted:
        raise ValidationError(
            {"submission": _("A submitted return is kept unchanged and cannot be deleted.")}
        )
    submission.delete()


@transaction.atomic
def record_command_export(*, child_ids: Iterable[str], what: str) -> int:
    """Write a return written by ``kinfolk returns`` in the access log, as a download is: one
    ``export`` record for each child the file holds (``child_ids``: their Child IDs), the
    command as its source. How many children it names."""
    from kinfolk.returns.contents import pks_of

    pks = pks_of(child_ids)
    record_listing(
        user=None,
        child_ids=pks,
        action=AccessAction.EXPORT,
        what=what,
        path="",
        source="kinfolk returns",
    )
    return len(pks)


def record_download(
    *, submission: Submission, actor: Actor | None, path: str = "", source: str = ""
) -> int:
    """Write a download of a generated return in the access log: one ``export`` record for
    each child the file holds (restricted and sealed children included: the returns are
    statutory). How many children it names."""
    from kinfolk.returns.contents import children_in

    child_ids = children_in(submission)
    record_listing(
        user=actor,
        child_ids=child_ids,
        action=AccessAction.EXPORT,
        what=_("Downloaded the %(kind)s %(period)s (%(file)s)")
        % {
            "kind": submission.get_kind_display(),
            "period": submission.period_label,
            "file": submission.filename,
        },
        path=path,
        source=source,
    )
    return len(child_ids)


def submitted_return(kind: str, year: CollectionYear) -> Submission | None:
    return Submission.objects.filter(kind=kind, year=year.label, submitted_at__isnull=False).first()


def previous_ssda903(year: CollectionYear) -> dict[str, list[dict[str, str]]] | None:
    """The SSDA903 return submitted for the year before ``year``, as tables, for the
    continuity rules; None when none was submitted."""
    previous = submitted_return(ReturnKind.SSDA903, year.previous())
    if previous is None:
        return None
    return unzip_tables(bytes(previous.content))


def cin_census_failures(year: CollectionYear, child_ids: Iterable[int] | None) -> list[Failure]:
    """Every CIN census rule failing today for the year (or for the children named)."""
    from kinfolk.returns.cin.builder import build_cin_census
    from kinfolk.returns.cin.rules import validate_cin_census

    return validate_cin_census(build_cin_census(year, child_ids=child_ids))


def ssda903_failures(year: CollectionYear, child_ids: Iterable[int] | None) -> list[Failure]:
    """Every SSDA903 rule failing today for the year, with last year's submitted return for
    the continuity rules when there is one."""
    from kinfolk.returns.ssda903.builder import build_ssda903
    from kinfolk.returns.ssda903.rules import validate_ssda903

    tables = build_ssda903(year, child_ids=child_ids)
    return validate_ssda903(tables, year=year, previous=previous_ssda903(year))


@dataclass
class ReturnCheck:
    """Today's validation of one return: its failures, or why it cannot be checked yet."""

    kind: str
    label: str
    is_available: bool
    failures: list[Failure] = field(default_factory=list)

    @property
    def error_count(self) -> int:
        return sum(failure.is_error for failure in self.failures)


def check_returns(
    year: CollectionYear, *, child_ids: Iterable[int] | None = None
) -> list[ReturnCheck]:
    """Build and validate the CIN census and the SSDA903 return of ``year`` as the casework
    stands now (only the children named, for a child's own page)."""
    ids = list(child_ids) if child_ids is not None else None
    checks: list[tuple[str, Callable[[CollectionYear, list[int] | None], list[Failure]]]] = [
        (ReturnKind.CIN_CENSUS, cin_census_failures),
        (ReturnKind.SSDA903, ssda903_failures),
    ]
    results = []
    for kind, check in checks:
        label = str(ReturnKind(kind).label)
        try:
            failures = check(year, ids)
        except (ImportError, NotImplementedError):
            results.append(ReturnCheck(kind, label, is_available=False))
            continue
        results.append(ReturnCheck(kind, label, is_available=True, failures=list(failures)))
    return results
