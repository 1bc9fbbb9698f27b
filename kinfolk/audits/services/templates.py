"""The audit template: the head of service adds, reorders and retires its questions. A
question an audit has graded is retired, never deleted, so that the audit reads as it was."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from kinfolk.audits.defaults import create_default
from kinfolk.audits.models import AuditQuestion, AuditTemplate, AuditTheme, LearningTheme


def active_template() -> AuditTemplate:
    """The template new audits are made on (the default one, shipped by the migrations, until
    the authority makes its own). A database with no template at all (its tables emptied, as
    the tests that commit do) is given the default again."""
    template = AuditTemplate.objects.filter(is_active=True).order_by("pk").first()
    if template is None and not AuditTemplate.objects.exists():
        template = create_default(AuditTemplate, AuditTheme, AuditQuestion, LearningTheme)
    if template is None:
        raise ValidationError({"template": _("There is no audit template in use")})
    return template


@transaction.atomic
def add_question(*, theme: AuditTheme, text: str, guidance: str = "") -> AuditQuestion:
    """Add a question at the end of its theme."""
    if not text.strip():
        raise ValidationError({"text": _("Enter the question")})
    last = theme.questions.aggregate(last=Max("order"))["last"] or 0
    return AuditQuestion.objects.create(
        theme=theme, text=text.strip(), guidance=guidance.strip(), order=last + 1
    )


@transaction.atomic
def move_question(*, question: AuditQuestion, up: bool) -> None:
    """Swap the question with the one before it (``up``) or after it in its theme."""
    siblings = list(
        AuditQuestion.objects.select_for_update().filter(theme=question.theme, is_retired=False)
    )
    index = next(i for i, sibling in enumerate(siblings) if sibling.pk == question.pk)
    other = index - 1 if up else index + 1
    if not 0 <= other < len(siblings):
        return
    siblings[index], siblings[other] = siblings[other], siblings[index]
    for order, sibling in enumerate(siblings, start=1):
        if sibling.order != order:
            sibling.order = order
            sibling.save(update_fields=["order"])


@transaction.atomic
def remove_question(*, question: AuditQuestion) -> bool:
    """Take the question off the template: deleted when no audit has graded it, otherwise
    retired (kept for the audits that graded it, no longer asked). True when it was retired."""
    question = AuditQuestion.objects.select_for_update().get(pk=question.pk)
    if question.grades.exists():
        question.is_retired = True
        question.save(update_fields=["is_retired"])
        return True
    question.delete()
    return False
