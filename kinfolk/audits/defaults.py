"""The default audit template and themes for learning (docs/audits.md): written by the
migrations into every new database, and again by ``active_template`` into a database that has
none at all (one whose tables were emptied)."""

from typing import Any

THEMES = [
    (
        "The child's voice and lived experience",
        [
            (
                "Is the child seen, and seen alone when of an age to be, as often as their plan says?",
                "Look at the visits: dates, who was seen, whether the child was seen alone.",
            ),
            (
                "Do the records say what the child's day is like, in the child's own words where they can give them?",
                "Look for the child's words, drawings or behaviour described, not only the adults' views.",
            ),
            (
                "Are the child's identity, culture, faith and any disability understood and acted on?",
                "",
            ),
        ],
    ),
    (
        "Assessment",
        [
            (
                "Does the assessment analyse the risks and the strengths, rather than describe them?",
                "A good analysis says what the information means for the child and why.",
            ),
            (
                "Does the assessment draw on the history and the chronology of the child and family?",
                "",
            ),
            (
                "Were partner agencies and the wider family asked for their views?",
                "",
            ),
        ],
    ),
    (
        "Planning and review",
        [
            (
                "Is the plan specific: who does what, by when, and what will be different for the child?",
                "Outcomes should be measurable and written so the family understands them.",
            ),
            (
                "Is there a contingency plan, saying what happens if things do not change?",
                "",
            ),
            (
                "Is progress against the plan reviewed, and the plan changed when it is not working?",
                "",
            ),
        ],
    ),
    (
        "Management oversight and supervision",
        [
            (
                "Is there evidence of management oversight at each key decision, with its rationale?",
                "Look for the manager's reasoning, not only a sign-off.",
            ),
            (
                "Does supervision reflect on the case and set actions that are followed up?",
                "",
            ),
        ],
    ),
    (
        "Recording and impact",
        [
            (
                "Is the record up to date, accurate and written so the child could read it later?",
                "",
            ),
            (
                "Has the work made a difference to the child's safety and wellbeing?",
                "What is better for the child since the case was opened, and how do we know?",
            ),
        ],
    ),
]

LEARNING_THEMES = [
    "Voice of the child",
    "Contingency planning",
    "Management oversight",
    "Analysis of risk",
    "Neglect",
    "Domestic abuse",
    "Working with partners",
    "Drift and delay",
]


def create_default(
    template_model: Any, theme_model: Any, question_model: Any, learning_model: Any
) -> Any:
    """Write the default template with the models given (the migration's historical models, or
    the app's own), and the default themes for learning that are missing."""
    template = template_model.objects.create(name="Case file audit", is_active=True)
    for theme_order, (name, questions) in enumerate(THEMES, start=1):
        theme = theme_model.objects.create(template=template, name=name, order=theme_order)
        for order, (text, guidance) in enumerate(questions, start=1):
            question_model.objects.create(theme=theme, text=text, guidance=guidance, order=order)
    for name in LEARNING_THEMES:
        learning_model.objects.get_or_create(name=name)
    return template
