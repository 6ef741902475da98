"""Reports already stored: `on_time` again by the due date of the agency's kind (第四十九条)."""

from django.db import migrations


def recount(apps, schema_editor):  # type: ignore[no-untyped-def]
    from gongkai.oversight.figures import on_time

    CorpusReport = apps.get_model("oversight", "CorpusReport")
    dated = CorpusReport.objects.filter(published_on__isnull=False).select_related("agency")
    for report in dated.iterator():
        now = on_time(report.year, report.published_on, report.agency.name)
        if now != report.on_time:
            CorpusReport.objects.filter(pk=report.pk).update(on_time=now)


class Migration(migrations.Migration):
    dependencies = [("oversight", "0002_denied_by_ground")]
    operations = [migrations.RunPython(recount, migrations.RunPython.noop)]
