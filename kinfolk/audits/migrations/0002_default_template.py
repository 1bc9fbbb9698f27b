"""The default audit template, and the default themes for learning, so that every Kinfolk has
a template to audit with from its first ``migrate`` (the tests and the demo too); the head of
service changes it on the template pages (docs/audits.md)."""

from django.db import migrations

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


def create_default(apps, schema_editor):
    AuditTemplate = apps.get_model("audits", "AuditTemplate")
    AuditTheme = apps.get_model("audits", "AuditTheme")
    AuditQuestion = apps.get_model("audits", "AuditQuestion")
    LearningTheme = apps.get_model("audits", "LearningTheme")
    template = AuditTemplate.objects.create(name="Case file audit", is_active=True)
    for theme_order, (name, questions) in enumerate(THEMES, start=1):
        theme = AuditTheme.objects.create(template=template, name=name, order=theme_order)
        for order, (text, guidance) in enumerate(questions, start=1):
            AuditQuestion.objects.create(theme=theme, text=text, guidance=guidance, order=order)
    for name in LEARNING_THEMES:
        LearningTheme.objects.create(name=name)


def remove_default(apps, schema_editor):
    apps.get_model("audits", "AuditTemplate").objects.filter(name="Case file audit").delete()
    apps.get_model("audits", "LearningTheme").objects.filter(name__in=LEARNING_THEMES).delete()


class Migration(migrations.Migration):
    dependencies = [("audits", "0001_initial")]

    operations = [migrations.RunPython(create_default, remove_default)]
