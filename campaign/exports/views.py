"""The admin page every export shares: authorise (refusals logged), bind the form, stream."""

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.http import StreamingHttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone

from campaign.exports.models import ExportLog
from campaign.exports.services import export_refuse


@dataclass(frozen=True)
class ExportPage:
    """One kind of export in the admin.

    `form_class` binds the GET and has `export()` for a valid one; `stream(export, user)`
    gives the logged CSV bytes; `subject(slug)` names what a refused request asked for (the
    value of the form's first field); `name(export)` starts the file's name.
    """

    form_class: type
    permission: str
    kind: str
    title: str
    template: str
    opts: object
    stream: Callable[..., Iterator[bytes]]
    subject: Callable[[str], str]
    name: Callable[[object], str]


def export_page(request, *, admin_site, page: ExportPage):
    """GET without `download`: the form (its first field from the query). With `download`:
    the CSV as a stream, or the form again with its errors and status 400. Without the
    permission: 403, and the attempt is logged."""
    first_field = next(iter(page.form_class.base_fields))
    if not request.user.has_perm(page.permission):
        export_refuse(
            actor=request.user,
            via=ExportLog.Via.ADMIN,
            kind=page.kind,
            subject=page.subject(request.GET.get(first_field, "")[:80]),
            filters=_asked(request, page.form_class),
        )
        raise PermissionDenied
    if "download" not in request.GET:
        form = page.form_class(initial={first_field: request.GET.get(first_field)})
        return _form_page(request, admin_site, page, form)
    form = page.form_class(request.GET)
    if not form.is_valid():
        return _form_page(request, admin_site, page, form, status=400)
    export = form.export()
    response = StreamingHttpResponse(
        page.stream(export, request.user), content_type="text/csv; charset=utf-8"
    )
    day = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="{page.name(export)}-{day}.csv"'
    response["Cache-Control"] = "private, no-store"
    return response


def _asked(request, form_class) -> dict:
    """What a refused request asked for, as the log keeps it (known names, short values)."""
    return {
        name: ",".join(request.GET.getlist(name))[:100]
        for name in form_class.base_fields
        if name in request.GET
    }


def _form_page(request, admin_site, page: ExportPage, form, *, status: int = 200):
    context = {
        **admin_site.each_context(request),
        "opts": page.opts,
        "title": page.title,
        "form": form,
    }
    return TemplateResponse(request, page.template, context, status=status)
