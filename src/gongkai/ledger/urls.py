from django.urls import path

from gongkai.ledger.views import (
    appeal,
    application,
    catalogue,
    letter,
    outbox,
    proactive,
    prose,
    queue,
    report_file,
    schedule,
    year,
)
from gongkai.site import converters

converters.register()
app_name = "ledger"
urlpatterns = [
    path("", queue.queue, name="queue"),
    path("applications/new/", application.register, name="register"),
    path("applications/<id:pk>/", application.application_detail, name="application"),
    path("applications/<id:pk>/assign/", application.application_assign, name="assign"),
    path("applications/<id:pk>/letters/", letter.issue, name="letter_issue"),
    path("applications/<id:pk>/appeals/", appeal.register, name="appeal_register"),
    path("appeals/<id:pk>/decide/", appeal.decide, name="appeal_decide"),
    path("applications/<id:pk>/<slug:step>/", application.application_step, name="step"),
    path("letters/<id:pk>.<str:fmt>", letter.download, name="letter_download"),
    path("letters/<id:pk>/send/", letter.send, name="letter_send"),
    path("outbox/", outbox.outbox, name="outbox"),
    path("schedules/", schedule.schedules, name="schedules"),
    path("catalogue/", catalogue.catalogue, name="catalogue"),
    path("catalogue/<id:pk>/publish/", catalogue.catalogue_publish, name="catalogue_publish"),
    path("proactive/", proactive.proactive_latest, name="proactive_latest"),
    path("years/<year:year>/", year.year_report, name="year"),
    path("years/<year:year>/proactive/", proactive.proactive, name="proactive"),
    path("years/<year:year>/report.json", year.year_report_json, name="year_json"),
    path("years/<year:year>/report.<str:fmt>", report_file.year_report_file, name="year_file"),
    path("years/<year:year>/prose/", prose.prose, name="prose"),
    path("years/<year:year>/lock/", year.year_lock, name="year_lock"),
]
