from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from accounts import oidc
from accounts.views import SignInView, health
from oversight import views as oversight_views
from recommendations import views as rec_views

urlpatterns = [
    path("", oversight_views.dashboard, name="home"),
    path("sign-in/", SignInView.as_view(), name="login"),
    path("healthz", health, name="health"),
    path("sign-in/sso/", oidc.start, name="oidc_start"),
    path("sign-in/sso/callback/", oidc.callback, name="oidc_callback"),
    path("sign-out/", auth_views.LogoutView.as_view(), name="logout"),
    path("accessibility/", rec_views.accessibility, name="accessibility"),
    path("", include("recommendations.urls")),
    path("oversight/", include("oversight.urls")),
    path("admin/", admin.site.urls),
]

handler403 = "accounts.views.permission_denied"
handler500 = "accounts.views.server_error"
