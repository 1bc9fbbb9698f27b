"""Matching people's names the way a front-door worker types them: misspelt, accents dropped.

Each stored name keeps a folded form (lower case, no accents) for prefix search and a
Metaphone key (jellyfish) so that "Smyth" finds "Smith"; candidates are then ranked by
Jaro-Winkler similarity.
"""

import unicodedata

import jellyfish

#: Similarity at or above which two names are taken to be the same name misspelt.
SIMILAR = 0.85


def fold(name: str) -> str:
    """Lower case, accents removed, only letters kept: "O'Brien-Núñez" -> "obriennunez"."""
    decomposed = unicodedata.normalize("NFKD", name or "")
    return "".join(ch for ch in decomposed if ch.isalpha() and ch.isascii()).lower()


def phonetic_key(name: str) -> str:
    """The Metaphone key of a name, or "" for an empty name."""
    folded = fold(name)
    return jellyfish.metaphone(folded)[:20] if folded else ""


def similarity(left: str, right: str) -> float:
    """Jaro-Winkler similarity of two names, from 0 (nothing alike) to 1 (the same)."""
    return jellyfish.jaro_winkler_similarity(fold(left), fold(right))


def is_similar(left: str, right: str) -> bool:
    return similarity(left, right) >= SIMILAR or (
        bool(fold(left)) and phonetic_key(left) == phonetic_key(right)
    )
