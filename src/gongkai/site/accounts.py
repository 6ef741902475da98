"""Staff sign-in that resists guessing: failed logins counted by account and by address, with a
lockout; and a page where staff change their own password (checked by AUTH_PASSWORD_VALIDATORS).

The counts live in the site's cache (the database), so the lockout holds across processes.
"""

from __future__ import annotations

import hashlib
from typing import Any

from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth import password_validation
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django.urls import reverse_lazy

from gongkai.portal import throttle

LOGIN_BY_ACCOUNT = throttle.Limit("login-account", 5, 15 * 60)
LOGIN_BY_ADDRESS = throttle.Limit("login-address", 20, 15 * 60)
LOCKED = "登录失败次数过多，已暂时锁定，请 15 分钟后再试。忘记密码请联系系统管理员重设。"


class ThrottledLoginForm(AuthenticationForm):
    """Refuses at once while the account or the address is locked, without checking the password:
    a locked account cannot be guessed at."""

    def clean(self) -> dict[str, Any]:
        account = hashlib.sha256(str(self.data.get("username", "")).casefold().encode()).hexdigest()
        address = throttle.client_address(self.request) if self.request else "unknown"
        if _locked(account, address):
            raise ValidationError(LOCKED, code="locked")
        try:
            cleaned = super().clean()
        except ValidationError:
            throttle.hit(LOGIN_BY_ACCOUNT, account)
            throttle.hit(LOGIN_BY_ADDRESS, address)
            if _locked(account, address):  # this failure was the last one allowed: say so now
                raise ValidationError(LOCKED, code="locked") from None
            raise
        throttle.forget(LOGIN_BY_ACCOUNT, account)
        return cleaned


class ThrottledAdminLoginForm(ThrottledLoginForm, AdminAuthenticationForm):
    """The admin site's login, counted with the same counts: not a second door to guess at."""


def _locked(account: str, address: str) -> bool:
    return throttle.exceeded(LOGIN_BY_ACCOUNT, account) or throttle.exceeded(
        LOGIN_BY_ADDRESS, address
    )


class MinimumLengthValidator(password_validation.MinimumLengthValidator):
    """Django's, with the Chinese its zh-hans catalogue lacks for this message."""

    def get_error_message(self) -> str:
        return f"密码太短，至少要有 {self.min_length} 个字符。"

    def get_help_text(self) -> str:
        return f"密码至少要有 {self.min_length} 个字符。"


class LoginView(auth_views.LoginView):
    form_class = ThrottledLoginForm


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "ledger/password_change_form.html"
    success_url = reverse_lazy("password_change_done")


class PasswordChangeDoneView(auth_views.PasswordChangeDoneView):
    template_name = "ledger/password_change_done.html"
