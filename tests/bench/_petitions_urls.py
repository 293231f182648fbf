"""The petitions benchmark's URLs: the product's, plus the bare-Django baselines."""

from django.db import connection
from django.http import HttpResponse
from django.urls import path
from django.views.decorators.csrf import csrf_exempt

from campaign.urls import urlpatterns as product_urlpatterns

BASELINE_TABLE = "bench_baseline_insert"

# About the size of a petition page, so the baseline pays for the same bytes on the wire.
_CONSTANT_PAGE = (
    b"<!doctype html><html><head><title>Constant</title></head><body>"
    + b"<p>A constant page for the baseline.</p>" * 150
    + b"</body></html>"
)


def constant_page(request):
    return HttpResponse(_CONSTANT_PAGE)


@csrf_exempt
def one_insert(request):
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {BASELINE_TABLE} (email) VALUES (%s)",  # noqa: S608 (a constant)
            [request.POST.get("email", "")],
        )
    return HttpResponse(b"ok", status=201)


urlpatterns = [
    path("bench/constant/", constant_page),
    path("bench/insert/", one_insert),
    # Spread, not include(): the product's i18n_patterns may only sit in a root URLconf.
    *product_urlpatterns,
]
