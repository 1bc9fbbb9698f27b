"""The advocacy themes every Kinfolk starts with (migration 0002); an authority adds its own on
the themes page."""

THEMES = [
    "Contact with family",
    "Placement",
    "Education",
    "Health",
    "Social worker changes",
    "Being listened to",
    "Leaving care",
    "Money and allowances",
]
