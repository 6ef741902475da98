from django.urls import path

from gongkai.portal.views import public, report_file, settings, staff, text_size
from gongkai.site import converters

converters.register()
app_name = "portal"
urlpatterns = [
    path("open/", public.home, name="home"),
    path("open/text-size/", text_size.text_size, name="text_size"),
    path("open/track/", public.track, name="track"),
    path("open/<id:agency_id>/", public.guide, name="guide"),
    path("open/<id:agency_id>/catalogue/", public.catalogue, name="catalogue"),
    path("open/<id:agency_id>/reports/", public.reports, name="reports"),
    path("open/<id:agency_id>/reports/<year:year>/", public.report, name="report"),
    path(
        "open/<id:agency_id>/reports/<year:year>/report.<str:fmt>",
        report_file.report_file,
        name="report_file",
    ),
    path("open/<id:agency_id>/apply/", public.apply, name="apply"),
    path("attachments/<id:pk>/", staff.attachment, name="attachment"),
    path("settings/guide/", settings.guide, name="settings_guide"),
    path("settings/deadlines/", settings.deadlines, name="settings_deadlines"),
    path("settings/letters/", settings.letters, name="settings_letters"),
    path("settings/letters/<slug:kind>/", settings.letter, name="settings_letter"),
]
