"""Which children a generated return holds, read from the file itself.

Every return names each child by the authority's Child ID: ``LAchildID`` in the CIN census,
``CHILD`` in every SSDA903 table, the first column ("Child Unique ID") of every Annex A list
(``annex_a.casework.Casework.child``). Reading the stored file, rather than asking the casework
again, gives the children of the file exactly as it was downloaded, however the casework has
changed since. Each download writes one ``export`` access record per child (``services``).
"""

import io
from collections.abc import Iterable

from lxml import etree
from openpyxl import load_workbook

from kinfolk.people.models import Child
from kinfolk.returns.models import ReturnKind, Submission


def _cin_census_ids(content: bytes) -> set[str]:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
    root = etree.fromstring(content, parser)
    found = root.iterfind("Children/Child/ChildIdentifiers/LAchildID")
    return {(element.text or "").strip() for element in found}


def _ssda903_ids(content: bytes) -> set[str]:
    from kinfolk.returns.services import unzip_tables

    return {row.get("CHILD", "") for rows in unzip_tables(content).values() for row in rows}


def _annex_a_ids(content: bytes) -> set[str]:
    book = load_workbook(io.BytesIO(content), read_only=True)
    try:
        return {
            str(row[0])
            for sheet in book.worksheets
            for row in sheet.iter_rows(min_row=2, max_col=1, values_only=True)
            if row and row[0] is not None
        }
    finally:
        book.close()


def child_ids_in_file(kind: str, content: bytes) -> set[str]:
    """The Child IDs a return's file names."""
    read = {
        ReturnKind.CIN_CENSUS: _cin_census_ids,
        ReturnKind.SSDA903: _ssda903_ids,
        ReturnKind.ANNEX_A: _annex_a_ids,
    }[ReturnKind(kind)]
    return {child_id for child_id in read(content) if child_id}


def children_in(submission: Submission) -> list[int]:
    """The children (their primary keys) a generated return holds, in Child ID order. A Child
    ID of a record no longer in Kinfolk is left out: there is no record to log against."""
    return pks_of(child_ids_in_file(submission.kind, bytes(submission.content)))


def pks_of(child_ids: Iterable[str]) -> list[int]:
    """The primary keys of the children with these Child IDs, in Child ID order."""
    return list(
        Child.objects.filter(la_child_id__in=list(child_ids))
        .order_by("la_child_id")
        .values_list("pk", flat=True)
    )
