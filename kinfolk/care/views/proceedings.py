"""Pages that record pre-proceedings and care proceedings (docs/domain.md stages 13 and 14). Each
calls one service of ``kinfolk.care.services.proceedings`` and returns to the care page."""

from django.utils.translation import gettext_lazy

from kinfolk.access.policy import P
from kinfolk.care.forms.proceedings import (
    ConcludeProceedingsForm,
    EndPreProceedingsForm,
    HearingForm,
    IssueProceedingsForm,
    LegalGatewayForm,
    LetterBeforeProceedingsForm,
    PreProceedingsMeetingForm,
)
from kinfolk.care.services import (
    conclude_care_proceedings,
    end_pre_proceedings,
    issue_care_proceedings,
    record_hearing,
    record_legal_gateway,
    record_pre_proceedings_meeting,
    send_letter_before_proceedings,
)
from kinfolk.care.services.proceedings import (
    IN_PRE_PROCEEDINGS,
    NO_PROCEEDINGS_OPEN,
    NOT_IN_PRE_PROCEEDINGS,
    PROCEEDINGS_OPEN,
)
from kinfolk.care.views.episodes import CareFormView


class LegalGatewayCreateView(CareFormView):
    """Record a legal gateway meeting and its decision."""

    permission = P.RECORD_CASEWORK

    form_class = LegalGatewayForm
    service = staticmethod(record_legal_gateway)
    guard = NOT_IN_PRE_PROCEEDINGS
    heading = gettext_lazy("Record a legal gateway meeting")
    success_message = gettext_lazy("The legal gateway meeting is recorded")
    record_label = "Child record: legal gateway meeting recorded"


class LetterBeforeProceedingsCreateView(CareFormView):
    """Record the letter before proceedings, with every section the parents need."""

    permission = P.RECORD_CASEWORK

    form_class = LetterBeforeProceedingsForm
    service = staticmethod(send_letter_before_proceedings)
    guard = IN_PRE_PROCEEDINGS
    heading = gettext_lazy("Record the letter before proceedings")
    intro = gettext_lazy(
        "Every section is needed: parents must be able to tell what they have to do, by when, "
        "and what happens if they do not."
    )
    success_message = gettext_lazy("The letter before proceedings is recorded")
    record_label = "Child record: letter before proceedings recorded"


class PreProceedingsMeetingCreateView(CareFormView):
    """Record a pre-proceedings meeting."""

    permission = P.RECORD_CASEWORK

    form_class = PreProceedingsMeetingForm
    service = staticmethod(record_pre_proceedings_meeting)
    guard = IN_PRE_PROCEEDINGS
    heading = gettext_lazy("Record a pre-proceedings meeting")
    success_message = gettext_lazy("The pre-proceedings meeting is recorded")
    record_label = "Child record: pre-proceedings meeting recorded"


class PreProceedingsEndView(CareFormView):
    """Record how pre-proceedings ended."""

    permission = P.RECORD_CASEWORK

    form_class = EndPreProceedingsForm
    service = staticmethod(end_pre_proceedings)
    guard = IN_PRE_PROCEEDINGS
    heading = gettext_lazy("Record the end of pre-proceedings")
    success_message = gettext_lazy("The end of pre-proceedings is recorded")
    record_label = "Child record: pre-proceedings ended"


class ProceedingsIssueView(CareFormView):
    """Record that care proceedings were issued."""

    permission = P.RECORD_CASEWORK

    form_class = IssueProceedingsForm
    service = staticmethod(issue_care_proceedings)
    guard = NO_PROCEEDINGS_OPEN
    heading = gettext_lazy("Record that care proceedings were issued")
    intro = gettext_lazy(
        "Open pre-proceedings end on the same day. Proceedings should finish within 26 weeks."
    )
    success_message = gettext_lazy("The issue of care proceedings is recorded")
    record_label = "Child record: care proceedings issued"


class HearingCreateView(CareFormView):
    """Record a hearing in the open care proceedings."""

    permission = P.RECORD_CASEWORK

    form_class = HearingForm
    service = staticmethod(record_hearing)
    guard = PROCEEDINGS_OPEN
    heading = gettext_lazy("Record a hearing")
    success_message = gettext_lazy("The hearing is recorded")
    record_label = "Child record: hearing recorded"


class ProceedingsConcludeView(CareFormView):
    """Record the final order in care proceedings."""

    permission = P.RECORD_CASEWORK

    form_class = ConcludeProceedingsForm
    service = staticmethod(conclude_care_proceedings)
    guard = PROCEEDINGS_OPEN
    heading = gettext_lazy("Record the final order")
    intro = gettext_lazy(
        "If the order changes the child's legal status, record that too, on the care page."
    )
    success_message = gettext_lazy("The final order is recorded")
    record_label = "Child record: final order recorded"
