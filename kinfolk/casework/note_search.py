"""Finding case notes by the words in them.

On PostgreSQL a note is found by full-text search (English stemming, so that "visited" finds
"visit"), over its text, the child's views and its addenda; the search vector is computed
when the query runs. On SQLite, which has no full-text search in Django, every word must
appear somewhere in the same fields (case-insensitive). ``search_notes`` is the one place
that chooses, by the database in use.
"""

from django.db import connection
from django.db.models import Exists, OuterRef, Q, QuerySet

from kinfolk.casework.models import CaseNote, CaseNoteAddendum

#: The text search configuration used on PostgreSQL.
SEARCH_CONFIG = "english"
#: Words taken from a search; the rest are ignored.
MAX_WORDS = 10


def search_words(query: str) -> list[str]:
    return query.split()[:MAX_WORDS]


def search_notes(notes: QuerySet[CaseNote], query: str) -> QuerySet[CaseNote]:
    """The notes among ``notes`` that match the words of ``query`` (all of ``notes`` for an
    empty query)."""
    words = search_words(query)
    if not words:
        return notes
    if connection.vendor == "postgresql":
        return _full_text(notes, " ".join(words))
    return _every_word(notes, words)


def _full_text(notes: QuerySet[CaseNote], query: str) -> QuerySet[CaseNote]:
    from django.contrib.postgres.search import SearchQuery, SearchVector

    search = SearchQuery(query, config=SEARCH_CONFIG, search_type="websearch")
    in_addenda = CaseNoteAddendum.objects.annotate(
        document=SearchVector("text", config=SEARCH_CONFIG)
    ).filter(note=OuterRef("pk"), document=search)
    return notes.annotate(
        document=SearchVector("text", "child_views", config=SEARCH_CONFIG)
    ).filter(Q(document=search) | Exists(in_addenda))


def _every_word(notes: QuerySet[CaseNote], words: list[str]) -> QuerySet[CaseNote]:
    for word in words:
        in_addenda = CaseNoteAddendum.objects.filter(note=OuterRef("pk"), text__icontains=word)
        notes = notes.filter(
            Q(text__icontains=word) | Q(child_views__icontains=word) | Exists(in_addenda)
        )
    return notes
