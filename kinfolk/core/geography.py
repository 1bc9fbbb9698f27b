"""Where postcodes are: the local authority they lie in and the distance between two of them.

SSDA903 reports, for each placement, its distance from the child's home and whether it lies
inside the responsible authority (derived items PL_DISTANCE, PL_LA and PL_LOCATION); inspectors
look at children placed far from home and out of area (docs/domain.md stage 17). Both come from the
ONS Postcode Directory, loaded into ``Postcode`` by ``kinfolk load-postcodes`` or, for the
demonstration, by ``record_postcodes``. A postcode the directory does not hold has no distance:
pages say "not known" rather than guess.
"""

import csv
import math
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from django.db import transaction

from kinfolk.core.models import Postcode
from kinfolk.core.postcodes import is_valid_postcode, normalise_postcode

#: Mean radius of the Earth in miles (6,371.0088 km, the IUGG mean radius, / 1.609344).
EARTH_RADIUS_MILES = 3958.76

#: The ONS Postcode Directory columns that ``load_postcode_directory`` reads.
DIRECTORY_COLUMNS = ("pcds", "oslaua", "lat", "long")

#: The ONSPD gives this latitude to postcodes with no grid reference.
NO_GRID_LATITUDE = 99.999999

Coordinates = tuple[float, float]


def distance_miles(a: Coordinates, b: Coordinates) -> float:
    """The great-circle (haversine) distance in miles between two points given as
    (latitude, longitude) in degrees."""
    lat_a, lon_a = (math.radians(value) for value in a)
    lat_b, lon_b = (math.radians(value) for value in b)
    h = (
        math.sin((lat_b - lat_a) / 2) ** 2
        + math.cos(lat_a) * math.cos(lat_b) * math.sin((lon_b - lon_a) / 2) ** 2
    )
    return 2 * EARTH_RADIUS_MILES * math.asin(math.sqrt(h))


def look_up(postcodes: Iterable[str]) -> dict[str, Postcode]:
    """The directory entries of the given postcodes, by normalised postcode, in one query.
    Postcodes the directory does not hold are absent."""
    wanted = {normalise_postcode(p) for p in postcodes if p}
    if not wanted:
        return {}
    return {entry.postcode: entry for entry in Postcode.objects.filter(postcode__in=wanted)}


@dataclass(frozen=True)
class PlacementLocation:
    """Where a placement is relative to the child's home and to the authority.

    ``distance_miles`` is ``None`` when either postcode is unknown or has no coordinates;
    ``is_in_area`` is ``None`` when the placement's postcode or the authority's code is
    unknown.
    """

    distance_miles: float | None
    la_code: str
    is_in_area: bool | None


def placement_location(
    *,
    home_postcode: str,
    placement_postcode: str,
    authority_code: str,
    directory: dict[str, Postcode],
) -> PlacementLocation:
    """The distance (to one decimal place, as SSDA903 reports it) and the local authority of a
    placement, from entries already looked up with ``look_up``."""
    home = directory.get(normalise_postcode(home_postcode)) if home_postcode else None
    placement = (
        directory.get(normalise_postcode(placement_postcode)) if placement_postcode else None
    )
    distance = None
    if home and placement and home.coordinates and placement.coordinates:
        distance = round(distance_miles(home.coordinates, placement.coordinates), 1)
    la_code = placement.la_code if placement else ""
    is_in_area = (la_code == authority_code) if la_code and authority_code else None
    return PlacementLocation(distance_miles=distance, la_code=la_code, is_in_area=is_in_area)


@transaction.atomic
def record_postcodes(rows: Iterable[tuple[str, str, float | None, float | None]]) -> int:
    """Add or update directory entries from (postcode, ONS local authority code, latitude,
    longitude) rows; the postcode is normalised. Running it twice changes nothing more.
    Returns the number of rows recorded."""
    count = 0
    batch: dict[str, Postcode] = {}
    for postcode, la_code, latitude, longitude in rows:
        normalised = normalise_postcode(postcode)
        batch[normalised] = Postcode(
            postcode=normalised, la_code=la_code, latitude=latitude, longitude=longitude
        )
        count += 1
        if len(batch) >= 5000:
            _save(batch.values())
            batch = {}
    _save(batch.values())
    return count


def _save(entries: Iterable[Postcode]) -> None:
    entries = list(entries)
    if entries:
        Postcode.objects.bulk_create(
            entries,
            update_conflicts=True,
            unique_fields=["postcode"],
            update_fields=["la_code", "latitude", "longitude"],
        )


@dataclass
class DirectoryLoad:
    """What loading a postcode directory file did: rows recorded, and each bad row's line
    number and problem."""

    recorded: int = 0
    errors: list[str] = field(default_factory=list)


class DirectoryFormatError(ValueError):
    """The file is not an ONS Postcode Directory CSV (a column is missing)."""


def load_postcode_directory(lines: Iterable[str]) -> DirectoryLoad:
    """Load ONS Postcode Directory CSV text (columns ``pcds``, ``oslaua``, ``lat``, ``long``;
    any others are ignored). Good rows are recorded; each bad row is reported by its line
    number and skipped. Loading the same file again changes nothing."""
    reader = csv.DictReader(iter(lines))
    header = [name.strip().lower() for name in (reader.fieldnames or [])]
    missing = [name for name in DIRECTORY_COLUMNS if name not in header]
    if missing:
        raise DirectoryFormatError(
            "not an ONS Postcode Directory file: missing column(s) " + ", ".join(missing)
        )
    reader.fieldnames = header
    result = DirectoryLoad()
    result.recorded = record_postcodes(_good_rows(reader, result.errors))
    return result


def _good_rows(
    reader: csv.DictReader, errors: list[str]
) -> Iterator[tuple[str, str, float | None, float | None]]:
    for row in reader:
        line = reader.line_num
        try:
            yield _parse_row(row)
        except ValueError as error:
            errors.append(f"line {line}: {error}")


def _parse_row(row: dict[str, str | None]) -> tuple[str, str, float | None, float | None]:
    postcode = (row.get("pcds") or "").strip()
    la_code = (row.get("oslaua") or "").strip()
    if not is_valid_postcode(postcode):
        raise ValueError(f"pcds {postcode!r} is not a postcode")
    if not la_code or len(la_code) > 9:
        raise ValueError(f"oslaua {la_code!r} is not an ONS local authority code")
    latitude = _number(row, "lat", -90, 100)
    longitude = _number(row, "long", -180, 180)
    if latitude == NO_GRID_LATITUDE:
        return postcode, la_code, None, None
    if latitude > 90:
        raise ValueError(f"lat {latitude} is not a latitude")
    return postcode, la_code, latitude, longitude


def _number(row: dict[str, str | None], column: str, low: float, high: float) -> float:
    text = (row.get(column) or "").strip()
    try:
        value = float(text)
    except ValueError:
        raise ValueError(f"{column} {text!r} is not a number") from None
    if not low <= value <= high or math.isnan(value):
        raise ValueError(f"{column} {text!r} is out of range")
    return value
