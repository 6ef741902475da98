from django.apps import AppConfig


class LedgerConfig(AppConfig):
    name = "gongkai.ledger"
    label = "ledger"
    verbose_name = "政府信息公开台账"
