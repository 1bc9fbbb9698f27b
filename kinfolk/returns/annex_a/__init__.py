"""Ofsted ILACS Annex A: the child-level lists an authority gives the inspectors at the start of
an inspection of local authority children's services, built from the casework.

One worksheet per list (lists 1 to 11 of ``docs/reference/annex-a.md``), with its column headings
and lettered value labels. Each list covers its own window before the date of the lists
(``as_of``): six months for most, twelve for adoption, plus the cases open on that date. Each
list costs a fixed number of queries however many children it holds.

The placement's local authority and whether it is in or out of the area come from the postcode
directory (``kinfolk load-postcodes``), and are blank for a postcode it does not hold. What the
casework does not hold is left blank rather than invented: the organisation that completed an
early help assessment, and the adopters' recruitment journey (enquiry and stages 1 and 2),
which belongs to the adoption agency's own records.

The package has a module per group of lists, ``labels`` for the values the cells show (read from
``kinfolk.core.codes``), ``headings`` for each list's columns, and ``workbook`` that writes them.
"""

from kinfolk.returns.annex_a.casework import Window
from kinfolk.returns.annex_a.headings import LISTS, sheet_name
from kinfolk.returns.annex_a.looked_after import placement_area
from kinfolk.returns.annex_a.workbook import build_annex_a

__all__ = ["LISTS", "Window", "build_annex_a", "placement_area", "sheet_name"]
