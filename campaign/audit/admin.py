"""The audit log in the admin (read-only), and the mixin that writes it for other admins."""

from django.contrib import admin
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from campaign.admin_paginators import CappedCountPaginator
from campaign.audit.models import AuditLog
from campaign.audit.services import audit_record

NOT_KEPT = _("(changed; not kept in the log)")


def form_changes(form, *, hidden: frozenset[str] = frozenset()) -> dict[str, tuple]:
    """{field: (before, after)} for what a bound, valid model form changed."""
    adding = form.instance._state.adding
    changes = {}
    for field in form.changed_data:
        if field not in form.cleaned_data:
            continue
        before = None if adding else form.initial.get(field)
        after = form.cleaned_data[field]
        formfield = form.fields[field]
        if before is not None and hasattr(formfield, "queryset"):
            # Initial values of relations are ids: name them as the new value is named.
            ids = before if isinstance(before, list | tuple) else [before]
            found = formfield.queryset.model._default_manager.filter(pk__in=ids)
            before = list(found) if isinstance(before, list | tuple) else found.first()
        changes[field] = (NOT_KEPT, NOT_KEPT) if field in hidden else (before, after)
    return changes


class AuditedAdminMixin:
    """Every add, change and delete through this admin (and its inlines) goes to the log.

    `audit_hidden_fields`: fields whose values the log must not keep (a supporter's address):
    the entry says they changed, not to what.
    """

    audit_hidden_fields: frozenset[str] = frozenset()

    def audit_repr(self, obj) -> str:
        return str(obj)

    def save_model(self, request, obj, form, change):
        changes = form_changes(form, hidden=self.audit_hidden_fields)
        super().save_model(request, obj, form, change)
        if changes or not change:
            audit_record(
                actor=request.user,
                action=AuditLog.Action.CHANGE if change else AuditLog.Action.ADD,
                obj=obj,
                object_repr=self.audit_repr(obj),
                changes=changes,
            )

    def save_formset(self, request, form, formset, change):
        deleted = [f.instance for f in formset.deleted_forms if f.instance.pk]
        deleted = [(obj, obj.pk, str(obj)) for obj in deleted]
        edited = [
            (f, f.instance._state.adding, form_changes(f))
            for f in formset.forms
            if f not in formset.deleted_forms and f.has_changed() and f.is_valid()
        ]
        super().save_formset(request, form, formset, change)
        for inline_form, adding, changes in edited:
            audit_record(
                actor=request.user,
                action=AuditLog.Action.ADD if adding else AuditLog.Action.CHANGE,
                obj=inline_form.instance,
                changes=changes,
                note=_("on %(parent)s") % {"parent": form.instance},
            )
        for obj, pk, text in deleted:
            audit_record(
                actor=request.user,
                action=AuditLog.Action.DELETE,
                model=obj._meta.label_lower,
                object_id=str(pk),
                object_repr=text,
            )

    def delete_model(self, request, obj):
        pk, text = obj.pk, self.audit_repr(obj)
        super().delete_model(request, obj)
        audit_record(
            actor=request.user,
            action=AuditLog.Action.DELETE,
            model=obj._meta.label_lower,
            object_id=str(pk),
            object_repr=text,
        )

    def delete_queryset(self, request, queryset):
        gone = [(obj._meta.label_lower, obj.pk, self.audit_repr(obj)) for obj in queryset]
        super().delete_queryset(request, queryset)
        for model, pk, text in gone:
            audit_record(
                actor=request.user,
                action=AuditLog.Action.DELETE,
                model=model,
                object_id=str(pk),
                object_repr=text,
            )


@admin.register(AuditLog)
class AuditLogAdmin(admin.ModelAdmin):
    """Read-only: entries are appended by the admins that change things, never edited."""

    list_display = ["at", "actor", "action", "model", "object_id", "object_repr", "changed"]
    list_filter = ["action", "model", ("at", admin.DateFieldListFilter)]
    search_fields = ["=actor", "=object_id", "object_repr"]
    show_full_result_count = False
    paginator = CappedCountPaginator
    fields = ["at", "actor", "actor_id", "action", "model", "object_id", "object_repr"]
    fields += ["changes_table", "note"]
    readonly_fields = fields

    @admin.display(description=_("fields"))
    def changed(self, entry: AuditLog) -> str:
        return ", ".join(entry.changes)

    @admin.display(description=_("changes"))
    def changes_table(self, entry: AuditLog):
        return format_html(
            "<table><tr><th>{}</th><th>{}</th><th>{}</th></tr>{}</table>",
            _("field"),
            _("before"),
            _("after"),
            format_html_join(
                "",
                "<tr><td>{}</td><td>{}</td><td>{}</td></tr>",
                ((field, before, after) for field, (before, after) in entry.changes.items()),
            ),
        )

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
