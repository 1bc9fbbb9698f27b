"""The records of health, education, missing episodes and exploitation kept while a child is looked after."""

__all__: list[str] = []
