"""API tokens in the admin, for superusers: make one (its key shown once), revoke, see use.

A token reads supporters' data from outside, so only superusers hand them out, to a staff
user and within what that user may see (services.api_token_create refuses the rest).
"""

from django import forms
from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from campaign.api.models import ApiToken
from campaign.api.scopes import SCOPES, scopes_missing_permission
from campaign.api.services import api_token_create, api_token_revoke


class ApiTokenCreationForm(forms.ModelForm):
    user = forms.ModelChoiceField(
        queryset=get_user_model().objects.filter(is_staff=True, is_active=True),
        label=_("user"),
    )
    scopes = forms.MultipleChoiceField(
        choices=[(scope, f"{scope}: {label}") for scope, (label, _perm) in SCOPES.items()],
        widget=forms.CheckboxSelectMultiple,
        label=_("scopes"),
    )

    class Meta:
        model = ApiToken
        fields = ["user", "name", "scopes"]

    def clean(self):
        data = super().clean()
        user, scopes = data.get("user"), data.get("scopes") or []
        if user is not None:
            missing = scopes_missing_permission(user, scopes)
            if missing:
                raise forms.ValidationError(
                    _("%(user)s may not read what these scopes open: %(scopes)s.")
                    % {"user": user.get_username(), "scopes": ", ".join(missing)}
                )
        return data


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ["name", "prefix", "user", "scope_list", "created_at", "last_used_at"]
    list_display += ["revoked_at"]
    list_filter = [("revoked_at", admin.EmptyFieldListFilter)]
    list_select_related = ["user"]
    search_fields = ["name", "=prefix", "user__username"]
    readonly_fields = ["user", "name", "prefix", "scopes", "created_at", "last_used_at"]
    readonly_fields += ["revoked_at"]
    actions = ["revoke"]

    @admin.display(description=_("scopes"))
    def scope_list(self, token: ApiToken) -> str:
        return ", ".join(token.scopes)

    def get_form(self, request, obj=None, change=False, **kwargs):
        if obj is None:
            kwargs["form"] = ApiTokenCreationForm
        return super().get_form(request, obj, change=change, **kwargs)

    def get_readonly_fields(self, request, obj=None):
        return self.readonly_fields if obj is not None else []

    def get_fields(self, request, obj=None):
        return self.readonly_fields if obj is not None else ["user", "name", "scopes"]

    def save_model(self, request, obj, form, change):
        if change:
            return  # nothing of a token is edited: revoke it and make another
        created = api_token_create(
            user=form.cleaned_data["user"],
            name=form.cleaned_data["name"],
            scopes=form.cleaned_data["scopes"],
        )
        obj.pk = created.token.pk
        messages.warning(
            request,
            _("The token's key, shown only this once: %(key)s") % {"key": created.key},
        )

    @admin.action(description=_("Revoke the selected tokens"))
    def revoke(self, request, queryset):
        revoked = sum(api_token_revoke(token=token) for token in queryset)
        self.message_user(
            request,
            ngettext("%(n)d token revoked.", "%(n)d tokens revoked.", revoked) % {"n": revoked},
        )

    def has_module_permission(self, request) -> bool:
        return request.user.is_active and request.user.is_superuser

    def has_view_permission(self, request, obj=None) -> bool:
        return request.user.is_active and request.user.is_superuser

    def has_add_permission(self, request) -> bool:
        return request.user.is_active and request.user.is_superuser

    def has_change_permission(self, request, obj=None) -> bool:
        # The change page is read-only (get_readonly_fields); the revoke action needs this.
        return request.user.is_active and request.user.is_superuser

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
