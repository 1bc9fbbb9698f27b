"""Checking a CIN census file against the 2025-26 schema that the project keeps
(``CIN_schema_2026.xsd`` beside this module: where it came from is written at its top)."""

from functools import lru_cache
from pathlib import Path

from lxml import etree

#: The schema of the 2025-26 census (``Year`` 2026).
SCHEMA_PATH = Path(__file__).with_name("CIN_schema_2026.xsd")


@lru_cache(maxsize=1)
def _schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(SCHEMA_PATH)))


def schema_errors(xml: bytes) -> list[str]:
    """Every way the file breaks the schema, one line per problem, as ``line N: message``.

    A file that is not well-formed XML gives the parser's error with its line; nothing else
    can be checked then.
    """
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
    try:
        document = etree.fromstring(xml, parser)
    except etree.XMLSyntaxError as error:
        line = error.lineno or (error.position[0] if error.position else 0)
        return [f"line {line}: the file is not well-formed XML ({error.msg})"]
    schema = _schema()
    if schema.validate(document):
        return []
    return [f"line {entry.line}: {entry.message}" for entry in schema.error_log]
