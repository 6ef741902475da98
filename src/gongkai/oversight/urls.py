from django.urls import path

from gongkai.oversight.views import api, compare, dashboard, exports, imports, reports
from gongkai.site import converters

converters.register()
app_name = "oversight"
urlpatterns = [
    path("", reports.report_list, name="reports"),
    path("reports/<id:pk>/", reports.review, name="review"),
    path("reports/<id:pk>/correct/", reports.correct, name="correct"),
    path("reports/<id:pk>/compare/<id:other>/", compare.compare, name="compare"),
    path("dashboard/", dashboard.dashboard, name="dashboard"),
    path("import/", imports.upload, name="upload"),
    path("runs/", imports.runs, name="runs"),
    path("runs/<id:pk>/", imports.run, name="run"),
    path("export.<str:fmt>", exports.export, name="export"),
    path("api/openapi.json", api.openapi, name="openapi"),
    path("api/<slug:name>", api.listing, name="api"),
]
