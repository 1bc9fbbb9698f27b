"""The access log proves itself: each row hashes the one before, the database refuses to change
or empty it, and ``kinfolk access verify`` finds the first row that was tampered with."""

import importlib
import threading
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import DatabaseError, connection, connections, transaction
from django.utils import timezone

from kinfolk.access.chain import GENESIS, chain_hash, verify
from kinfolk.access.choices import AccessAction
from kinfolk.access.models import AccessChainHead, AccessRecord
from kinfolk.access.services import record_access, record_listing

is_postgresql = connection.vendor == "postgresql"


def _log(count: int, *, what: str = "Child record: summary") -> list[AccessRecord]:
    return [
        record_access(
            user=None, child_id=index + 1, action=AccessAction.VIEW, what=f"{what} {index}"
        )
        for index in range(count)
    ]


def _verify() -> tuple[int, str]:
    out = StringIO()
    try:
        call_command("access", "verify", stdout=out)
    except CommandError as error:
        return error.returncode, str(error)
    return 0, out.getvalue()


@pytest.fixture
def tamper():
    """Run SQL on the access log with its append-only trigger set aside, as someone with
    control of the database could."""

    def run(sql: str, params: list) -> None:
        with connection.cursor() as cursor:
            if is_postgresql:
                # The test's transaction still holds the deferred foreign-key checks of the
                # rows just written; ALTER TABLE waits for none.
                cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
                cursor.execute("ALTER TABLE access_accessrecord DISABLE TRIGGER USER")
            else:
                cursor.execute("DROP TRIGGER access_record_no_update")
            cursor.execute(sql, params)
            if is_postgresql:
                cursor.execute("ALTER TABLE access_accessrecord ENABLE TRIGGER USER")

    return run


@pytest.mark.django_db
def test_each_row_hashes_the_one_before():
    first, second = _log(2)
    assert first.chain_hash == chain_hash(
        GENESIS,
        {
            "at": first.at,
            "user_id": None,
            "child_id": 1,
            "action": "view",
            "what": "Child record: summary 0",
            "path": "",
            "source": "",
        },
    )
    assert second.chain_hash == chain_hash(
        first.chain_hash,
        {
            "at": second.at,
            "user_id": None,
            "child_id": 2,
            "action": "view",
            "what": "Child record: summary 1",
            "path": "",
            "source": "",
        },
    )
    head = AccessChainHead.objects.get(pk=1)
    assert (head.last_hash, head.length) == (second.chain_hash, 2)


@pytest.mark.django_db
def test_listings_chain_too():
    record_access(user=None, child_id=1, action=AccessAction.VIEW, what="A page")
    record_listing(user=None, child_ids=[3, 4, 5], what="Search results", path="/s/", source="")
    report = verify()
    assert (report.is_intact, report.rows) == (True, 4)
    assert report.last_hash == AccessRecord.objects.order_by("pk").last().chain_hash


@pytest.mark.django_db
def test_an_intact_chain_verifies():
    _log(3)
    code, output = _verify()
    assert code == 0
    assert output.startswith("3 rows, chain intact")
    assert AccessChainHead.objects.get().last_hash in output


@pytest.mark.django_db
def test_an_empty_log_verifies():
    assert _verify()[1].startswith("0 rows, chain intact")


@pytest.mark.django_db
def test_a_row_changed_behind_the_database_s_back_breaks_the_chain(tamper):
    rows = _log(4)
    tamper("UPDATE access_accessrecord SET what = %s WHERE id = %s", ["Nothing", rows[2].pk])
    report = verify()
    assert (report.is_intact, report.broken_pk, report.rows) == (False, rows[2].pk, 2)
    code, message = _verify()
    assert code != 0
    assert f"row {rows[2].pk}" in message
    assert "2 rows before it are intact" in message


@pytest.mark.django_db
def test_a_row_removed_from_the_middle_breaks_the_chain(tamper):
    rows = _log(3)
    tamper("DELETE FROM access_accessrecord WHERE id = %s", [rows[1].pk])
    assert verify().broken_pk == rows[2].pk


@pytest.mark.django_db
def test_rows_removed_from_the_end_are_found_by_the_head(tamper):
    rows = _log(3)
    tamper("DELETE FROM access_accessrecord WHERE id = %s", [rows[2].pk])
    report = verify()
    assert report.broken_pk is None
    assert "removed from the end" in report.head_problem
    assert _verify()[0] != 0


@pytest.mark.django_db
def test_a_crafted_row_breaks_the_chain():
    rows = _log(2)
    # A row with a hash of the right shape but not the chain's, inserted straight into the table.
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO access_accessrecord (at, action, what, path, source, chain_hash)"
            " VALUES (%s, 'view', 'Invented', '', '', %s)",
            [timezone.now(), "a" * 64],
        )
    report = verify()
    assert report.broken_pk == rows[-1].pk + 1
    assert report.rows == 2


@pytest.mark.django_db
def test_a_row_without_a_hash_is_refused():
    with pytest.raises(DatabaseError), transaction.atomic():
        AccessRecord.objects.create(action="view", what="Not through the services")


@pytest.mark.django_db
def test_rows_cannot_be_updated():
    (row,) = _log(1)
    with pytest.raises(DatabaseError), transaction.atomic():
        AccessRecord.objects.filter(pk=row.pk).update(what="Changed")


@pytest.mark.django_db
@pytest.mark.skipif(not is_postgresql, reason="SQLite allows DELETE: Django empties its tables so")
def test_rows_cannot_be_deleted_on_postgresql():
    (row,) = _log(1)
    with pytest.raises(DatabaseError), transaction.atomic():
        AccessRecord.objects.filter(pk=row.pk).delete()
    assert AccessRecord.objects.filter(pk=row.pk).exists()


@pytest.mark.django_db
@pytest.mark.skipif(not is_postgresql, reason="SQLite has no TRUNCATE")
def test_the_log_cannot_be_truncated_on_postgresql():
    _log(2)
    with (
        pytest.raises(DatabaseError, match="append-only"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute("TRUNCATE access_accessrecord")
    assert AccessRecord.objects.count() == 2


@pytest.mark.django_db(transaction=True)
def test_concurrent_appends_do_not_fork_the_chain():
    """Writers in separate connections, each in its own transaction, take turns at the head."""
    errors: list[BaseException] = []
    start = threading.Barrier(3)

    def write(worker: int) -> None:
        try:
            start.wait()
            for index in range(10):
                with transaction.atomic():
                    record_listing(
                        user=None,
                        child_ids=[worker * 100 + index, worker * 100 + index + 50],
                        what=f"Writer {worker}",
                        path="",
                        source="",
                    )
        except BaseException as error:  # reported to the test below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=write, args=(worker,)) for worker in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    report = verify()
    assert (report.is_intact, report.rows) == (True, 60)


@pytest.mark.django_db
def test_the_migration_hashes_the_rows_before_it_as_the_services_do():
    """Migration 0006 writes out the canonical form rather than importing it; both must agree."""
    migration = importlib.import_module("kinfolk.access.migrations.0006_chain_existing_rows")
    record_access(user=None, child_id=7, action=AccessAction.VIEW, what="Ünïcode “quotes”")
    record_listing(user=None, child_ids=[8], what="A list", path="/x/?a=1", source="10.0.0.1")
    previous = GENESIS
    for row in AccessRecord.objects.order_by("pk"):
        previous = migration._hash(previous, row)
        assert previous == row.chain_hash
