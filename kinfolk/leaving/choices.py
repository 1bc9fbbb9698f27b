"""The leaving-care app's own choices; the OC3 codes are DfE code lists in
``kinfolk.core.codes``."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class CareLeaverStatus(models.TextChoices):
    """Which kind of care leaver a young person is on a date (Children Act 1989 as amended by
    the Children (Leaving Care) Act 2000; Children and Social Work Act 2017 s3 for support to
    25). The first three are derived by ``kinfolk.care.history.care_leaver_status``."""

    ELIGIBLE = "eligible", _("Eligible")
    RELEVANT = "relevant", _("Relevant")
    FORMER_RELEVANT = "former_relevant", _("Former relevant")
    SUPPORT_TO_25 = "support_to_25", _("Former relevant, support to 25")


class AuditGrade(models.TextChoices):
    """A manager's judgement of a pathway plan's quality, in Ofsted's words (docs/domain.md
    finding 72: pathway plans audited)."""

    OUTSTANDING = "outstanding", _("Outstanding")
    GOOD = "good", _("Good")
    REQUIRES_IMPROVEMENT = "requires_improvement", _("Requires improvement")
    INADEQUATE = "inadequate", _("Inadequate")
