"""The records of care plans, reviews, visits, family time and life-story work kept while a child is looked after."""

__all__: list[str] = []
