"""Keeping a letter once it is produced (docs/printing.md)."""

import hashlib

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kinfolk.casework.models import Assessment
from kinfolk.casework.services import lock_child
from kinfolk.chronology.services import add_entry
from kinfolk.core.actors import Actor
from kinfolk.core.events import publish_casework_changed
from kinfolk.letters.choices import LetterKind
from kinfolk.letters.models import Letter
from kinfolk.people.models import Child
from kinfolk.protection.models import Conference


@transaction.atomic
def produce_letter(
    *,
    child: Child,
    kind: str,
    recipient_name: str,
    recipient_address: str,
    subject: str,
    body: str,
    pdf: bytes,
    conference: Conference | None = None,
    assessment: Assessment | None = None,
    actor: Actor | None = None,
) -> Letter:
    """Keep a produced letter and its PDF, and note it in the child's chronology."""
    lock_child(child)
    if kind not in LetterKind.values:
        raise ValidationError({"kind": _("Choose a kind of letter")})
    if not recipient_name.strip():
        raise ValidationError(
            {"recipient_name": _("Enter the name of the person the letter is to")}
        )
    if not recipient_address.strip():
        raise ValidationError({"recipient_address": _("Enter the address the letter goes to")})
    if conference is not None and conference.child_id != child.pk:
        raise ValidationError({"conference": _("Choose one of the child's conferences")})
    if assessment is not None and (
        assessment.child_id != child.pk or assessment.authorised_on is None
    ):
        raise ValidationError({"assessment": _("Choose one of the child's authorised assessments")})
    if not pdf.startswith(b"%PDF"):
        raise ValidationError({"pdf": _("The letter could not be printed")})
    letter = Letter.objects.create(
        child=child,
        kind=kind,
        recipient_name=recipient_name.strip(),
        recipient_address=recipient_address.strip(),
        subject=subject,
        body=body,
        conference=conference,
        assessment=assessment,
        pdf=pdf,
        pdf_sha256=hashlib.sha256(pdf).hexdigest(),
        produced_by=actor,
    )
    add_entry(
        child_id=child.pk,
        occurred_on=timezone.localdate(),
        kind="letter",
        summary=_("%(kind)s sent to %(name)s")
        % {"kind": letter.get_kind_display(), "name": letter.recipient_name},
        detail=subject,
        is_significant=kind == LetterKind.BEFORE_PROCEEDINGS,
        recorded_by=actor,
    )
    publish_casework_changed(child.pk)
    return letter
