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

app_name = "ledger"
urlpatterns = [
    path("", queue.queue, name="queue"),
    path("applications/new/", application.register, name="register"),
    path("applications/<int:pk>/", application.application_detail, name="application"),
    path("applications/<int:pk>/assign/", application.application_assign, name="assign"),
    path("applications/<int:pk>/letters/", letter.issue, name="letter_issue"),
    path("applications/<int:pk>/appeals/", appeal.register, name="appeal_register"),
    path("appeals/<int:pk>/decide/", appeal.decide, name="appeal_decide"),
    path("applications/<int:pk>/<slug:step>/", application.application_step, name="step"),
    path("letters/<int:pk>.<str:fmt>", letter.download, name="letter_download"),
    path("letters/<int:pk>/send/", letter.send, name="letter_send"),
    path("outbox/", outbox.outbox, name="outbox"),
    path("schedules/", schedule.schedules, name="schedules"),
    path("catalogue/", catalogue.catalogue, name="catalogue"),
    path("catalogue/<int:pk>/publish/", catalogue.catalogue_publish, name="catalogue_publish"),
    path("proactive/", proactive.proactive_latest, name="proactive_latest"),
    path("years/<int:year>/", year.year_report, name="year"),
    path("years/<int:year>/proactive/", proactive.proactive, name="proactive"),
    path("years/<int:year>/report.json", year.year_report_json, name="year_json"),
    path("years/<int:year>/report.<str:fmt>", report_file.year_report_file, name="year_file"),
    path("years/<int:year>/prose/", prose.prose, name="prose"),
    path("years/<int:year>/lock/", year.year_lock, name="year_lock"),
]
