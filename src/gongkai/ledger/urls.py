from django.urls import path

from gongkai.ledger import views

app_name = "ledger"
urlpatterns = [
    path("", views.queue, name="queue"),
    path("applications/new/", views.register, name="register"),
    path("applications/<int:pk>/", views.application_detail, name="application"),
    path("applications/<int:pk>/<slug:step>/", views.application_step, name="step"),
    path("years/<int:year>/", views.year_report, name="year"),
    path("years/<int:year>/report.json", views.year_report_json, name="year_json"),
    path("years/<int:year>/lock/", views.year_lock, name="year_lock"),
]
