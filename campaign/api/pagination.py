"""Two ways through a list, both at most MAX_PER_PAGE rows a request (`per_page`; more is
capped, not refused), in the list's own order: its modified time, then its id, oldest first.

- Pages (`page`), the default: `count`, `next`, `previous`. For a person or a dashboard; a row
  added or changed while they read shifts the pages after it, and a deep page costs its offset.
- A cursor (`cursor`, empty for the first page): `next` and `results`, forward only, for a
  sync. Each `next` carries the key of the last row given, (modified time, id), and the page
  after it asks the index for the rows past that key, as fast on the millionth row as on the
  first. A row added or changed meanwhile gets a later key: it comes after, never shifts
  what is left to read. No `count`: counting a large table is the slow part.

A cursor is signed (django.core.signing) for its resource: an altered one, or one from another
resource, is a 400 naming `cursor`, and nothing is read.
"""

from datetime import datetime
from typing import NamedTuple

from django.core import signing
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import BasePagination, CursorPagination, PageNumberPagination
from rest_framework.response import Response
from rest_framework.utils.urls import replace_query_param

DEFAULT_PER_PAGE = 25
MAX_PER_PAGE = 100
CURSOR = "cursor"

INVALID_CURSOR = _(
    "This is not a cursor this list gave, or it was changed. Start again with an empty "
    "cursor (cursor=) and modified_since set to your last sync."
)
PAGE_AND_CURSOR = _("Give page or cursor, not both.")


class Key(NamedTuple):
    """Where a row stands in its list: (modified time, id), unique, so the order is total."""

    time: datetime
    id: int | str


class PagePagination(PageNumberPagination):
    page_query_description = "Page mode, the default: a page number (not with `cursor`)."
    page_size = DEFAULT_PER_PAGE
    page_size_query_param = "per_page"
    max_page_size = MAX_PER_PAGE
    page_size_query_description = (
        f"Results per page: {DEFAULT_PER_PAGE} unless given, at most {MAX_PER_PAGE} "
        "(a larger number gives that many)."
    )


class KeysetCursorPagination(CursorPagination):
    """DRF's cursor pagination on a two-column key. DRF's own positions on one column and
    skips ties by an offset, which skips a row when a tie changes between pages and cannot
    pass more than 1,000 ties (a bulk import); (time, id) has no ties.

    The list is a QuerySet ordered by (time, "pk"), or an object with `ordering` and
    `after(key)` (campaign.api.people.PeopleQuery)."""

    cursor_query_param = CURSOR
    cursor_query_description = (
        "Cursor mode, for a sync: empty for the first page, then follow `next` until it is "
        "null. Forward only; no `count`."
    )
    page_size = DEFAULT_PER_PAGE
    page_size_query_param = PagePagination.page_size_query_param
    max_page_size = MAX_PER_PAGE
    ordering = None  # each list's own (see key_fields)
    template = None

    def paginate_queryset(self, queryset, request, view=None):
        self.request = request
        self.base_url = request.build_absolute_uri()
        self.page_size = self.get_page_size(request)
        self.salt = f"campaign.api.cursor.{getattr(view, 'basename', '')}"
        self.fields = key_fields(queryset)
        after = self.decode_cursor(request)
        if after is not None:
            queryset = rows_after(queryset, self.fields, after)
        # One row more than asked says whether there is a next page.
        rows = list(queryset[: self.page_size + 1])
        self.page = rows[: self.page_size]
        self.has_next = len(rows) > self.page_size
        self.has_previous = False
        return self.page

    def get_next_link(self) -> str | None:
        if not self.has_next:
            return None
        time_field, id_field = self.fields
        last = self.page[-1]
        return self.encode_cursor(Key(getattr(last, time_field), getattr(last, id_field)))

    def get_previous_link(self) -> None:
        return None

    def encode_cursor(self, key: Key) -> str:
        token = signing.Signer(salt=self.salt).sign_object([key.time.isoformat(), key.id])
        return replace_query_param(self.base_url, self.cursor_query_param, token)

    def decode_cursor(self, request) -> Key | None:
        """The key of the cursor given, None for an empty one (the first page); a
        ValidationError (a 400) for one this resource did not sign."""
        token = request.query_params.get(self.cursor_query_param, "")
        if not token:
            return None
        try:
            time, id_ = signing.Signer(salt=self.salt).unsign_object(token)
            key = Key(datetime.fromisoformat(time), id_)
        except (signing.BadSignature, TypeError, ValueError):
            raise ValidationError({CURSOR: [INVALID_CURSOR]}) from None
        return key

    def get_paginated_response(self, data):
        return Response({"next": self.get_next_link(), "results": data})


def key_fields(rows) -> tuple[str, str]:
    """The names of a list's (time, id) key: a QuerySet's ordering, or its `ordering`."""
    fields = tuple(rows.query.order_by if isinstance(rows, QuerySet) else rows.ordering)
    if len(fields) != 2 or fields[1] not in ("pk", "id") or fields[0].startswith("-"):
        raise TypeError(f"Cursors need a list ordered by (time, id), not {fields}")
    return fields


def rows_after(rows, fields: tuple[str, str], key: Key):
    """`rows` past `key` in their order. The redundant `time >= key.time` lets the database
    start its index scan at the key instead of filtering from the first row."""
    if not isinstance(rows, QuerySet):
        return rows.after(key)
    time_field, id_field = fields
    past = Q(**{f"{time_field}__gt": key.time}) | Q(
        **{time_field: key.time, f"{id_field}__gt": key.id}
    )
    return rows.filter(past, **{f"{time_field}__gte": key.time})


class ApiPagination(BasePagination):
    """Pages, unless the request names a cursor (even an empty one)."""

    def __init__(self):
        self.pages = PagePagination()
        self.cursors = KeysetCursorPagination()
        self.chosen = self.pages

    def paginate_queryset(self, queryset, request, view=None):
        if CURSOR in request.query_params:
            if self.pages.page_query_param in request.query_params:
                raise ValidationError({CURSOR: [PAGE_AND_CURSOR]})
            self.chosen = self.cursors
        return self.chosen.paginate_queryset(queryset, request, view)

    def get_paginated_response(self, data):
        return self.chosen.get_paginated_response(data)

    def get_paginated_response_schema(self, schema):
        page_mode = self.pages.get_paginated_response_schema(schema)["properties"]
        return {
            "type": "object",
            "required": ["next", "results"],
            "properties": {
                "count": {
                    **page_mode["count"],
                    "description": "Rows in the whole list (page mode only).",
                },
                "next": {
                    **page_mode["next"],
                    "description": "The next page's address, null on the last page.",
                },
                "previous": {
                    **page_mode["previous"],
                    "description": "The previous page's address (page mode only).",
                },
                "results": schema,
            },
        }

    def get_schema_operation_parameters(self, view):
        cursor = [
            parameter
            for parameter in self.cursors.get_schema_operation_parameters(view)
            if parameter["name"] == CURSOR
        ]
        return self.pages.get_schema_operation_parameters(view) + cursor
