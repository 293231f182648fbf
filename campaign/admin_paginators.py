"""Admin pagination for tables that grow to millions of rows (signatures, outbound emails)."""

from django.core.paginator import Paginator
from django.utils.functional import cached_property


class CappedCountPaginator(Paginator):
    """Counts at most CAP rows (a LIMITed subquery), so a page of a huge table stays fast.

    Past the cap the admin shows CAP rows' worth of pages; filters narrow the list further.
    """

    CAP = 10_000

    @cached_property
    def count(self) -> int:
        return self.object_list[: self.CAP + 1].count()
