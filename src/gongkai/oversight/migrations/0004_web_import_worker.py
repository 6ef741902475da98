from typing import Any

from django.db import migrations, models


def states(apps: Any, schema_editor: Any) -> None:
    """Runs before this migration: finished, or ended without finishing."""
    ImportRun = apps.get_model("oversight", "ImportRun")
    ImportRun.objects.filter(finished_at__isnull=False).update(state="finished")
    ImportRun.objects.filter(finished_at__isnull=True).update(state="interrupted")


class Migration(migrations.Migration):
    dependencies = [("oversight", "0003_rules_on_time")]

    operations = [
        migrations.AddField(
            model_name="importrun",
            name="state",
            field=models.CharField(
                choices=[
                    ("queued", "排队等待"),
                    ("running", "正在导入"),
                    ("finished", "已完成"),
                    ("failed", "无法导入"),
                    ("interrupted", "已中断"),
                ],
                default="running",
                max_length=12,
                verbose_name="状态",
            ),
        ),
        migrations.AddField(
            model_name="importrun",
            name="error",
            field=models.TextField(blank=True, verbose_name="无法导入的原因"),
        ),
        migrations.AddField(
            model_name="importrun",
            name="upload",
            field=models.CharField(blank=True, max_length=500),
        ),
        migrations.AddField(
            model_name="importrun", name="host", field=models.CharField(blank=True, max_length=255)
        ),
        migrations.AddField(
            model_name="importrun", name="pid", field=models.PositiveIntegerField(blank=True, null=True)
        ),
        migrations.AddField(
            model_name="importrun",
            name="pid_started",
            field=models.CharField(blank=True, max_length=40),
        ),
        migrations.RunPython(states, migrations.RunPython.noop),
    ]
