"""Who applies (第二十七条), in the categories of the annual report's section 三 columns."""

from __future__ import annotations

import enum


class ApplicantKind(enum.StrEnum):
    """The value is the report's column key."""

    NATURAL_PERSON = "natural_person"
    COMMERCIAL_ENTERPRISE = "commercial_enterprise"
    RESEARCH_INSTITUTION = "research_institution"
    SOCIAL_WELFARE_ORG = "social_welfare_org"
    LEGAL_SERVICE_ORG = "legal_service_org"
    OTHER_ORG = "other_org"

    @property
    def label(self) -> str:
        return _LABELS[self]


_LABELS = {
    ApplicantKind.NATURAL_PERSON: "自然人",
    ApplicantKind.COMMERCIAL_ENTERPRISE: "商业企业",
    ApplicantKind.RESEARCH_INSTITUTION: "科研机构",
    ApplicantKind.SOCIAL_WELFARE_ORG: "社会公益组织",
    ApplicantKind.LEGAL_SERVICE_ORG: "法律服务机构",
    ApplicantKind.OTHER_ORG: "其他组织",
}
