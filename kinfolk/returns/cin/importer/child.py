"""Reading a census child: who the child is (the journey's ``child`` event), birth and death,
then each of the child's CINdetails (``kinfolk.returns.cin.importer.episodes``)."""

import datetime as dt
import re
from typing import Any

from kinfolk.core.codes import Disability, Ethnicity, Sex, UPNUnknown
from kinfolk.returns.cin.importer.episodes import read_episode
from kinfolk.returns.cin.importer.reader import ChildReader, Event, Origin
from kinfolk.returns.cin.parse import ChildData
from kinfolk.returns.framework import CollectionYear

#: ``GenderCurrent`` of census files before 2024-25, as ``Sex``.
GENDER_AS_SEX = {"1": Sex.MALE, "2": Sex.FEMALE, "0": Sex.UNKNOWN, "9": Sex.UNKNOWN}

_CHILD_ID = re.compile(r"^[A-Za-z0-9]{1,20}$")


def read_child(child: ChildData, year: CollectionYear) -> ChildReader:
    """The journey events of one census child, or the problems that stop it being read."""
    reader = ChildReader(child, child.la_child_id or "(no LAchildID)", year)
    lines = child.lines
    if not reader.required(
        child.la_child_id, lines.get("ChildIdentifiers", child.line), "LAchildID"
    ):
        return reader
    if not _CHILD_ID.match(child.la_child_id or ""):
        reader.problem(lines["LAchildID"], "LAchildID", "must be up to 20 letters and digits")
        return reader
    sex = _sex(reader)
    characteristics_line = lines.get("ChildCharacteristics", child.line)
    ethnicity = reader.code(
        child.ethnicity, Ethnicity, lines.get("Ethnicity", characteristics_line), "Ethnicity"
    )
    if child.ethnicity is None:
        reader.problem(characteristics_line, "Ethnicity", "missing")
    disabilities = [
        code
        for code in child.disabilities or []
        if reader.code(code, Disability, characteristics_line, "Disability")
    ]
    born, expected, died = _birth_and_death(reader)
    upn_unknown = reader.code(
        child.upn_unknown, UPNUnknown, lines.get("UPNunknown", 0), "UPNunknown"
    )
    for index, episode in enumerate(child.episodes):
        read_episode(reader, index, episode)
    if not child.episodes:
        reader.problem(child.line, "CINdetails", "the child has no CINdetails")
    if reader.errors:
        return reader
    record: dict[str, Any] = {
        "type": "child",
        "id": child.la_child_id,
        "first_name": "Child",
        "last_name": child.la_child_id,
        "sex": sex,
        "ethnicity": ethnicity,
        "disabilities": disabilities,
    }
    for name, value in (
        ("upn", child.upn),
        ("former_upn", child.former_upn),
        ("upn_unknown", upn_unknown),
    ):
        if value:
            record[name] = value
    _record_birth(reader, record, born, expected, sex)
    identifiers = Origin(
        lines.get("ChildIdentifiers", child.line), reader.child_id, "ChildIdentifiers"
    )
    reader.events.insert(0, Event(None, (-2,), record, identifiers))
    if died:
        reader.add(
            died,
            (10**6,),
            {"type": "death", "date": died},
            lines["PersonDeathDate"],
            "PersonDeathDate",
        )
    return reader


def _sex(reader: ChildReader) -> str | None:
    """The child's Sex, or the GenderCurrent of an older census as a sex."""
    child, lines = reader.child, reader.child.lines
    identifiers_line = lines.get("ChildIdentifiers", child.line)
    sex = reader.code(child.sex, Sex, lines.get("Sex", identifiers_line), "Sex")
    if child.sex is None and child.gender_current is not None:
        sex = GENDER_AS_SEX.get(child.gender_current)
        if sex is None:
            reader.problem(
                lines["GenderCurrent"],
                "GenderCurrent",
                f"{child.gender_current!r} is not 1, 2, 0 or 9",
            )
    elif child.sex is None:
        reader.problem(identifiers_line, "Sex", "missing")
    return sex


def _birth_and_death(
    reader: ChildReader,
) -> tuple[dt.date | None, dt.date | None, dt.date | None]:
    """The dates of birth, expected birth and death; exactly one of the first two is given."""
    child, lines = reader.child, reader.child.lines
    identifiers_line = lines.get("ChildIdentifiers", child.line)
    born = reader.date(child.birth_date, lines.get("PersonBirthDate", 0), "PersonBirthDate")
    expected = reader.date(
        child.expected_birth_date,
        lines.get("ExpectedPersonBirthDate", 0),
        "ExpectedPersonBirthDate",
    )
    died = reader.date(child.death_date, lines.get("PersonDeathDate", 0), "PersonDeathDate")
    if child.birth_date and child.expected_birth_date:
        reader.problem(
            identifiers_line,
            "PersonBirthDate",
            "give PersonBirthDate or ExpectedPersonBirthDate, not both",
        )
    elif not child.birth_date and not child.expected_birth_date:
        reader.problem(
            identifiers_line, "PersonBirthDate", "missing, and no ExpectedPersonBirthDate either"
        )
    return born, expected, died


def _record_birth(
    reader: ChildReader,
    record: dict[str, Any],
    born: dt.date | None,
    expected: dt.date | None,
    sex: str | None,
) -> None:
    """Give the child event its date of birth, or its expected date and a birth event."""
    first = min((event.date for event in reader.events if event.date), default=None)
    if born and first and first < born:
        # Referred before birth: recorded unborn, then born (as the pages would record it).
        record["expected_dob"] = born.isoformat()
        reader.add(
            born,
            (-1,),
            {"type": "birth", "date": born, "sex": sex},
            reader.child.lines["PersonBirthDate"],
            "PersonBirthDate",
        )
    elif born:
        record["dob"] = born.isoformat()
    else:
        record["expected_dob"] = expected.isoformat() if expected else None
