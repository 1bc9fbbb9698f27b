"""URLs of the care page and of the pages that record periods of care, placements, legal
status, pre-proceedings and care proceedings (included by ``kinfolk.care.urls``)."""

from django.urls import path

from kinfolk.care.views import episodes, proceedings

urlpatterns = [
    path("<int:pk>/care/", episodes.ChildCareView.as_view(), name="child-care"),
    path("<int:pk>/care/start/", episodes.StartCareView.as_view(), name="care-start"),
    path(
        "<int:pk>/care/placements/move/",
        episodes.ChangePlacementView.as_view(),
        name="placement-change",
    ),
    path(
        "<int:pk>/care/placements/approve/",
        episodes.UnregisteredPlacementApproveView.as_view(),
        name="unregistered-approve",
    ),
    path(
        "<int:pk>/care/legal-status/change/",
        episodes.ChangeLegalStatusView.as_view(),
        name="legal-status-change",
    ),
    path("<int:pk>/care/end/", episodes.EndCareView.as_view(), name="care-end"),
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
