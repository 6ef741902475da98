"""Forms of the staff pages: they validate input and hand plain values to the actions."""

from gongkai.ledger.forms.application import (
    DATE,
    AssignForm,
    CloseForm,
    ConsultForm,
    CorrectionForm,
    DatedForm,
    DeliveryForm,
    ExtendForm,
    FeeNoticeForm,
    QueueFilter,
    RegisterForm,
    StepForm,
)
from gongkai.ledger.forms.catalogue import CatalogueForm, CatalogueSearch, PublishForm
from gongkai.ledger.forms.proactive import ProactiveForm

__all__ = [
    "DATE",
    "AssignForm",
    "CatalogueForm",
    "CatalogueSearch",
    "CloseForm",
    "ConsultForm",
    "CorrectionForm",
    "DatedForm",
    "DeliveryForm",
    "ExtendForm",
    "FeeNoticeForm",
    "ProactiveForm",
    "PublishForm",
    "QueueFilter",
    "RegisterForm",
    "StepForm",
]
