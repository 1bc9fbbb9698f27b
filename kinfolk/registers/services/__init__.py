"""The register services: the only way the registers are written (docs/registers.md)."""

from kinfolk.registers.services.education import (
    end_home_education,
    latest_consent,
    record_home_education_consent,
    report_missing_education,
    resolve_missing_education,
    review_home_education,
    start_home_education,
)
from kinfolk.registers.services.homeless import (
    record_homeless_decision,
    record_homeless_presentation,
    record_joint_assessment,
    record_rights_explained,
)
from kinfolk.registers.services.young_carers import (
    add_young_carer_support,
    record_school_told,
    record_young_carer_assessment,
    register_young_carer,
    waiting_list,
)

__all__ = [
    "add_young_carer_support",
    "end_home_education",
    "latest_consent",
    "record_home_education_consent",
    "record_homeless_decision",
    "record_homeless_presentation",
    "record_joint_assessment",
    "record_rights_explained",
    "record_school_told",
    "record_young_carer_assessment",
    "register_young_carer",
    "report_missing_education",
    "resolve_missing_education",
    "review_home_education",
    "start_home_education",
    "waiting_list",
]
