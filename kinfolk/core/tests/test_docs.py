"""Every document the code cites is in the repository, so a reader can follow each citation.

Comments, docstrings and templates point at the pages of ``docs/`` for the domain, the formats
and the reference notes behind a rule. A citation of a page that does not exist, or of a folder
outside the repository, leaves whoever picks the project up with nothing to read.
"""

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[3]

#: Where citations live: the code, the templates, the tests, the benchmarks, CI and the build.
CITING_TREES = ("kinfolk", "templates", "tests", "bench", ".ci")
CITING_FILES = ("pyproject.toml", "Makefile", "README.md", "conftest.py")

#: Files read for citations: source, templates, scripts and configuration, not data.
TEXT_SUFFIXES = {".py", ".html", ".txt", ".md", ".toml", ".cfg", ".ini", ".sh", ".xsd", ".js", ""}

#: A repository document named by its path from the root, such as ``docs/reference/ssda903.md``.
DOC_CITATION = re.compile(r"docs/[\w/.-]*\w\.md")

#: A citation of the folder of notes beside the repository instead of a page inside it.
OUTSIDE_CITATION = re.compile(r"(?<![\w/.-])(?:\.\./)+shared\b|(?<![\w/.-])shared/[\w.-]+\.md")


def citing_files() -> Iterator[Path]:
    """Every text file in which a document may be cited."""
    for name in CITING_FILES:
        path = REPO / name
        if path.is_file():
            yield path
    for tree in CITING_TREES:
        for path in sorted((REPO / tree).rglob("*")):
            if not path.is_file() or path.suffix not in TEXT_SUFFIXES:
                continue
            if "__pycache__" in path.parts or "node_modules" in path.parts:
                continue
            yield path


def read(path: Path) -> str:
    """A file's text; a file that is not text cites nothing."""
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return ""


def citations() -> list[tuple[str, int, str]]:
    """Each cited document path, with the file and line that cite it."""
    found = []
    for path in citing_files():
        for number, line in enumerate(read(path).splitlines(), start=1):
            for match in DOC_CITATION.finditer(line):
                found.append((str(path.relative_to(REPO)), number, match.group()))
    return found


def test_the_code_cites_documents():
    """The check below has something to check: the code does cite its docs."""
    assert len(citations()) > 50


def test_every_cited_document_exists():
    missing = [
        f"{where}:{line} cites {document}"
        for where, line, document in citations()
        if not (REPO / document).is_file()
    ]
    assert missing == [], "\n".join(missing)


@pytest.mark.parametrize(
    "text, outside",
    [
        ("see ../shared/duties.md", True),
        ("see shared/domain.md, stage 4", True),
        ("see docs/duties.md", False),
        ("the shared record kernel", False),
        ("kinfolk/core/shared/records.md", False),
    ],
)
def test_outside_citations_are_recognised(text, outside):
    assert bool(OUTSIDE_CITATION.search(text)) is outside


def test_no_file_cites_the_notes_outside_the_repository():
    outside = [
        f"{path.relative_to(REPO)}:{number}: {line.strip()}"
        for path in citing_files()
        # This file's own examples of such citations are not citations.
        if path != Path(__file__).resolve()
        for number, line in enumerate(read(path).splitlines(), start=1)
        if OUTSIDE_CITATION.search(line)
    ]
    assert outside == [], "\n".join(outside)
