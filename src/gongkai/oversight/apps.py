from django.apps import AppConfig


class OversightConfig(AppConfig):
    name = "gongkai.oversight"
    label = "oversight"
    verbose_name = "年度报告监督"
    default_auto_field = "django.db.models.BigAutoField"
