"""What the audit pages parse."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from kinfolk.audits.choices import ApprovedWork, AuditService, Grade
from kinfolk.audits.models import AuditQuestion, CaseAudit, LearningTheme
from kinfolk.core.forms import CaseworkForm, date_field, text_area
from kinfolk.workforce.models import Team, User

GRADES = Grade.choices


def grade_field(label: Any, *, required: bool = True) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label, choices=GRADES, required=required, widget=forms.RadioSelect
    )


def auditors() -> Any:
    """The staff who audit case files (the roles that hold the permission)."""
    from kinfolk.access.policy import MATRIX, P

    roles = [role.value for role, grants in MATRIX.items() if P.AUDIT_CASES in grants]
    return User.objects.filter(is_active=True, role__in=roles).order_by("display_name")


class GradeAuditForm(CaseworkForm):
    """Each question of the audit's template graded with a comment, then the overall grade,
    the summary, the date, the re-audit date and the themes for learning."""

    grade = grade_field(_("Overall grade"), required=False)
    summary = text_area(_("Summary of what the audit found"), rows=5)
    audited_on = date_field(_("Date of the audit"), required=False)
    reaudit_on = date_field(_("Re-audit date"), required=False)
    learning_themes = forms.ModelMultipleChoiceField(
        label=_("Themes for learning"),
        queryset=LearningTheme.objects.filter(is_active=True),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Select all that apply"),
    )

    def __init__(self, *args: Any, audit: CaseAudit, **kwargs: Any) -> None:
        self.audit = audit
        questions = list(
            AuditQuestion.objects.filter(theme__template_id=audit.template_id, is_retired=False)
            .select_related("theme")
            .order_by("theme__order", "order", "pk")
        )
        given = {g.question_id: g for g in audit.question_grades.all()}
        kwargs.setdefault(
            "initial",
            {
                "grade": audit.grade,
                "summary": audit.summary,
                "audited_on": audit.audited_on,
                "reaudit_on": audit.reaudit_on,
                "learning_themes": list(audit.learning_themes.all()) if audit.pk else [],
            },
        )
        for question in questions:
            if question.pk in given:
                kwargs["initial"].setdefault(f"question_{question.pk}", given[question.pk].grade)
                kwargs["initial"].setdefault(f"comment_{question.pk}", given[question.pk].comment)
        super().__init__(*args, **kwargs)
        self.themes: list[dict[str, Any]] = []
        for question in questions:
            grade_name, comment_name = f"question_{question.pk}", f"comment_{question.pk}"
            self.fields[grade_name] = grade_field(question.text, required=False)
            self.fields[grade_name].help_text = question.guidance
            self.fields[comment_name] = text_area(_("Comment"), rows=2)
            if not self.themes or self.themes[-1]["theme"] != question.theme:
                self.themes.append({"theme": question.theme, "fields": []})
            self.themes[-1]["fields"].append((self[grade_name], self[comment_name]))
        self.overall_fields = [
            self[name]
            for name in ("grade", "summary", "audited_on", "reaudit_on", "learning_themes")
        ]

    def grades(self) -> dict[int, tuple[str, str]]:
        """Each question's id to the grade and comment entered."""
        found = {}
        for name, value in self.cleaned_data.items():
            if name.startswith("question_"):
                pk = int(name.removeprefix("question_"))
                found[pk] = (value or "", self.cleaned_data.get(f"comment_{pk}", ""))
        return found


class ModerateForm(CaseworkForm):
    moderated_grade = grade_field(_("Agreed grade"))
    rationale = text_area(
        _("Why this grade"),
        rows=5,
        help_text=_("Say what the moderation found, and why where the grade differs"),
    )
    moderated_on = date_field(_("Date of the moderation"))
    required_messages = {
        "moderated_grade": _("Choose the agreed grade"),
        "moderated_on": _("Enter the date of the moderation"),
    }


class RespondForm(CaseworkForm):
    response = text_area(
        _("Your response"),
        rows=6,
        required=True,
        help_text=_("What you think of the audit's findings, and what you will do"),
    )
    required_messages = {"response": _("Enter your response to the audit")}


class ActionForm(CaseworkForm):
    text = text_area(_("Action"), rows=3, required=True)
    owner = forms.ModelChoiceField(
        label=_("Owner"), queryset=User.objects.none(), empty_label=_("Choose who owns it")
    )
    due_on = date_field(_("Due date"))
    required_messages = {
        "text": _("Enter the action"),
        "owner": _("Choose who owns the action"),
        "due_on": _("Enter the date the action is due"),
    }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["owner"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = User.objects.filter(is_active=True).order_by("display_name")
        field.label_from_instance = lambda user: user.display_name or user.username


class ActionDoneForm(CaseworkForm):
    done_on = date_field(_("Date done"))
    note = text_area(_("What was done"), rows=4, required=True)
    required_messages = {
        "done_on": _("Enter the date the action was done"),
        "note": _("Say what was done"),
    }


METHODS = [
    ("random", _("At random from open cases")),
    ("service", _("From the children in a service")),
    ("approved_work", _("From work a manager approved in a period")),
]


class ChooseAuditsForm(CaseworkForm):
    """How to choose the case files, how many, and who audits them."""

    method = forms.ChoiceField(
        label=_("How to choose the case files"), choices=METHODS, widget=forms.RadioSelect
    )
    count = forms.IntegerField(label=_("How many case files"), min_value=1, max_value=200)
    team = forms.ModelChoiceField(
        label=_("Team (optional)"),
        queryset=Team.objects.order_by("name"),
        required=False,
        empty_label=_("Every team"),
    )
    service = forms.ChoiceField(
        label=_("Service"),
        choices=[("", _("Choose a service")), *AuditService.choices],
        required=False,
        help_text=_("When choosing from the children in a service"),
    )
    work = forms.ChoiceField(
        label=_("Approved work"),
        choices=[("", _("Choose the kind of work")), *ApprovedWork.choices],
        required=False,
        help_text=_("When choosing from approved work"),
    )
    start = date_field(_("Approved from"), required=False)
    end = date_field(_("Approved to"), required=False)
    auditors = forms.ModelMultipleChoiceField(
        label=_("Auditors"),
        queryset=User.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The case files are shared between them in turn"),
    )
    required_messages = {
        "method": _("Choose how to choose the case files"),
        "count": _("Enter how many case files to audit"),
        "auditors": _("Choose at least one auditor"),
    }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["auditors"]
        assert isinstance(field, forms.ModelMultipleChoiceField)
        field.queryset = auditors()
        field.label_from_instance = lambda user: user.display_name or user.username

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("method") == "service" and not data.get("service"):
            self.add_error("service", _("Choose a service"))
        if data.get("method") == "approved_work":
            if not data.get("work"):
                self.add_error("work", _("Choose the kind of approved work"))
            if not data.get("start"):
                self.add_error("start", _("Enter the start of the period"))
            if not data.get("end"):
                self.add_error("end", _("Enter the end of the period"))
        return data


class QuestionForm(CaseworkForm):
    text = forms.CharField(label=_("Question"), max_length=400)
    guidance = text_area(_("Guidance for the auditor (optional)"), rows=3)
    required_messages = {"text": _("Enter the question")}
