from django.apps import AppConfig


class LedgerConfig(AppConfig):
    name = "gongkai.ledger"
    label = "ledger"
    verbose_name = "政府信息公开台账"

    def ready(self) -> None:
        from gongkai.ledger.writes import guard_ledger_models

        guard_ledger_models()
