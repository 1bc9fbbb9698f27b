"""The Annex A workbook: one worksheet per list."""

import datetime as dt
import io
from collections.abc import Callable

from openpyxl import Workbook

from kinfolk.returns.annex_a.adoption import list_10, list_11
from kinfolk.returns.annex_a.care_leavers import list_9
from kinfolk.returns.annex_a.casework import Casework, Row, Window
from kinfolk.returns.annex_a.children_in_need import list_6, list_7
from kinfolk.returns.annex_a.front_door import list_1, list_2, list_3, list_4, list_5
from kinfolk.returns.annex_a.headings import LISTS, sheet_name
from kinfolk.returns.annex_a.looked_after import list_8

#: The builder of each list, by its number.
BUILDERS: dict[int, Callable[[Casework], list[Row]]] = {
    1: list_1,
    2: list_2,
    3: list_3,
    4: list_4,
    5: list_5,
    6: list_6,
    7: list_7,
    8: list_8,
    9: list_9,
    10: list_10,
    11: list_11,
}


def build_annex_a(as_of: dt.date) -> bytes:
    """The Annex A workbook as of ``as_of``: one sheet per list, headings in the first row,
    dates as dates shown dd/mm/yyyy."""
    work = Casework(Window.ending(as_of))
    book = Workbook()
    book.remove(book.active)
    for number, build in BUILDERS.items():
        sheet = book.create_sheet(sheet_name(number))
        sheet.append(list(LISTS[number][1]))
        for row in build(work):
            sheet.append(row)
        for cells in sheet.iter_rows(min_row=2):
            for cell in cells:
                if isinstance(cell.value, dt.date):
                    cell.number_format = "DD/MM/YYYY"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
