from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from gongkai.site import accounts

admin.site.login_form = accounts.ThrottledAdminLoginForm

urlpatterns = [
    path("admin/", admin.site.urls),
    path("login/", accounts.LoginView.as_view(), name="login"),
    path("password/", accounts.PasswordChangeView.as_view(), name="password_change"),
    path("password/done/", accounts.PasswordChangeDoneView.as_view(), name="password_change_done"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("oversight/", include("gongkai.oversight.urls")),
    path("", include("gongkai.portal.urls")),
    path("", include("gongkai.ledger.urls")),
]

handler400 = "gongkai.site.errors.bad_request"
handler403 = "gongkai.site.errors.permission_denied"
handler404 = "gongkai.site.errors.page_not_found"
handler500 = "gongkai.site.errors.server_error"
