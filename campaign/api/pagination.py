"""Page-number pagination: `page`, and `per_page` up to MAX_PER_PAGE (more is capped, not
refused). Lists are ordered by their modified time and id, oldest first, so a page read
during a sync only grows at its end."""

from rest_framework.pagination import PageNumberPagination

DEFAULT_PER_PAGE = 25
MAX_PER_PAGE = 100


class ApiPagination(PageNumberPagination):
    page_size = DEFAULT_PER_PAGE
    page_size_query_param = "per_page"
    max_page_size = MAX_PER_PAGE
    page_size_query_description = (
        f"Results per page: {DEFAULT_PER_PAGE} unless given, at most {MAX_PER_PAGE} "
        "(a larger number gives that many)."
    )
