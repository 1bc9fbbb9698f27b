"""The themes every Kinfolk starts with; the complaints manager changes the list
(docs/complaints.md)."""

THEMES = [
    "Communication",
    "Contact arrangements",
    "Delay",
    "Decision made",
    "Placement",
    "Quality of service",
    "Staff conduct",
    "Support not provided",
]
