"""A small synthetic postcode directory for the demo authority.

Distances from home and whether a placement is inside the authority are computed from a
postcode directory (``kinfolk load-postcodes`` loads the ONS Postcode Directory). The demo
invents its postcodes, so it places each one near the centre of its postcode area, a few
miles off at random but always at the same spot for the same postcode, and gives it the ONS
code of the council the area mostly belongs to. The borough's own area (WN) carries the demo
authority's code.
"""

import random
from collections.abc import Iterable

#: Postcode area: (ONS local authority code, latitude, longitude) of its centre.
AREAS = {
    "WN": ("E08000010", 53.545, -2.632),
    "BL": ("E08000001", 53.578, -2.429),
    "M": ("E08000003", 53.480, -2.243),
    "PR": ("E07000123", 53.763, -2.703),
    "L": ("E08000012", 53.408, -2.992),
    "WA": ("E06000007", 53.390, -2.597),
    "OL": ("E08000004", 53.541, -2.117),
    "SK": ("E08000007", 53.408, -2.149),
    "BB": ("E06000008", 53.748, -2.482),
    "LS": ("E08000035", 53.801, -1.549),
    "S": ("E08000019", 53.381, -1.470),
    "B": ("E08000025", 52.486, -1.890),
}
#: How far from the centre of its area a postcode may fall, in degrees (about 3 miles).
SPREAD = 0.045


def area(postcode: str) -> str:
    """The postcode area: the letters at the start (``WN`` of ``WN3 4AB``)."""
    letters = ""
    for character in postcode.strip().upper():
        if not character.isalpha():
            break
        letters += character
    return letters


def directory_rows(postcodes: Iterable[str]) -> list[tuple[str, str, float, float]]:
    """(postcode, ONS code, latitude, longitude) for each postcode of a known area."""
    rows = []
    for postcode in sorted(set(postcodes)):
        known = AREAS.get(area(postcode))
        if known is None:
            continue
        la_code, latitude, longitude = known
        spot = random.Random(postcode)
        rows.append(
            (
                postcode,
                la_code,
                round(latitude + spot.uniform(-SPREAD, SPREAD), 5),
                round(longitude + spot.uniform(-SPREAD, SPREAD) * 1.6, 5),
            )
        )
    return rows
