"""The pages that record pre-proceedings and care proceedings (included by
``kinfolk.care.urls``)."""

from django.urls import path

from kinfolk.care.views import proceedings

urlpatterns = [
    path(
        "<int:pk>/care/pre-proceedings/gateway/",
        proceedings.LegalGatewayCreateView.as_view(),
        name="legal-gateway-create",
    ),
    path(
        "<int:pk>/care/pre-proceedings/letter/",
        proceedings.LetterBeforeProceedingsCreateView.as_view(),
        name="letter-create",
    ),
    path(
        "<int:pk>/care/pre-proceedings/meetings/create/",
        proceedings.PreProceedingsMeetingCreateView.as_view(),
        name="pre-proceedings-meeting-create",
    ),
    path(
        "<int:pk>/care/pre-proceedings/end/",
        proceedings.PreProceedingsEndView.as_view(),
        name="pre-proceedings-end",
    ),
    path(
        "<int:pk>/care/proceedings/issue/",
        proceedings.ProceedingsIssueView.as_view(),
        name="proceedings-issue",
    ),
    path(
        "<int:pk>/care/proceedings/hearings/create/",
        proceedings.HearingCreateView.as_view(),
        name="hearing-create",
    ),
    path(
        "<int:pk>/care/proceedings/conclude/",
        proceedings.ProceedingsConcludeView.as_view(),
        name="proceedings-conclude",
    ),
]
