"""Case file audits: the auditors' pages under ``/audits/``, and each audit under the child's
record, ``/children/<pk>/audits/<audit_pk>/``."""

from django.urls import path

from kinfolk.audits.views import audit, grades, lists, template

app_name = "audits"

urlpatterns = [
    path("audits/", lists.AuditListView.as_view(), name="list"),
    path("audits/yours/", lists.YourAuditsView.as_view(), name="yours"),
    path("audits/choose/", lists.ChooseAuditsView.as_view(), name="choose"),
    path("audits/grades/", grades.GradesView.as_view(), name="grades"),
    path("audits/template/", template.AuditTemplateView.as_view(), name="template"),
    path(
        "audits/template/themes/<int:pk>/add-question/",
        template.AddQuestionView.as_view(),
        name="question-add",
    ),
    path(
        "audits/template/questions/<int:pk>/",
        template.QuestionChangeView.as_view(),
        name="question-change",
    ),
    path("children/<int:pk>/audits/<int:audit_pk>/", audit.AuditDetailView.as_view(), name="audit"),
    path(
        "children/<int:pk>/audits/<int:audit_pk>/grade/",
        audit.GradeAuditView.as_view(),
        name="grade",
    ),
    path(
        "children/<int:pk>/audits/<int:audit_pk>/moderate/",
        audit.ModerateAuditView.as_view(),
        name="moderate",
    ),
    path(
        "children/<int:pk>/audits/<int:audit_pk>/respond/",
        audit.RespondView.as_view(),
        name="respond",
    ),
    path(
        "children/<int:pk>/audits/<int:audit_pk>/actions/add/",
        audit.AddActionView.as_view(),
        name="action-add",
    ),
    path(
        "children/<int:pk>/audits/<int:audit_pk>/actions/<int:action_pk>/done/",
        audit.CompleteActionView.as_view(),
        name="action-done",
    ),
]
