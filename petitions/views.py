"""Public petition pages: the page, the sign form, thank-you, confirm, and the JSON figures.

Why the sign form is on its own page
------------------------------------
The petition page is what a viral link points at, so it must be cacheable: the same bytes for
every visitor, no cookie, no CSRF token (a token in a shared page would be someone else's, and
setting the CSRF cookie makes the response per-user). The form therefore lives at
`<slug>/sign/`, a small page that is never cached and carries the visitor's own CSRF token; the
petition page links to it with a plain link (and a big button-styled one), so everything works
without JavaScript and a POST without a token is refused with 403 as everywhere else. A failed
form re-renders on that page with the errors next to their fields.

The petition page itself is rendered once per process every PETITIONS_PAGE_CACHE_SECONDS
(petitions.local_cache) and sent with `Cache-Control: public` so a proxy or CDN can hold it too.
"""

from django.conf import settings
from django.http import HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from campaign import previews
from campaign.client_addresses import client_ip
from campaign.languages import language_links
from campaign.sharing import source_of, with_source
from petitions import local_cache, selectors, services
from petitions.forms import SignatureForm, SignatureSubmission
from petitions.models import Petition, Signature
from petitions.tokens import TokenExpired, TokenInvalid, confirmation_token_read

# The figures by province and riding are a GROUP BY over every counted signature: computed at
# most once a minute per process, so the JSON (its count included) is at most a minute old.
JSON_SECONDS = 60


def _public(response: HttpResponse, max_age: int | None = None) -> HttpResponse:
    patch_cache_control(
        response,
        public=True,
        max_age=settings.PETITIONS_PAGE_CACHE_SECONDS if max_age is None else max_age,
    )
    return response


def _render_shared(request, template: str, context: dict) -> str:
    # `messages` is emptied so a message meant for one visitor is never baked into the page
    # everyone gets (and reading it would touch the session, adding Vary: Cookie); the language
    # links leave out the query string for the same reason (the cache key has none).
    shared = {"messages": (), "language_links": language_links(request, keep_query=False)}
    return render_to_string(template, {**context, **shared}, request=request)


def _page_context(petition: Petition) -> dict:
    count = selectors.petition_count(petition=petition)
    return {
        "petition": petition,
        "campaign": petition.campaign,
        "count": count,
        "progress": selectors.petition_progress(count=count, goal=petition.goal),
        "signers": selectors.signature_list_public_recent(petition=petition),
        "sources": list(petition.campaign.sources.all()),
    }


@require_safe
@previews.previewable
def petition_detail(request, slug: str):
    """The public petition page (cached; see the module docstring), or a staff preview of a
    draft campaign's petition (rendered for this request only; see campaign.previews)."""
    language = get_language()
    content = local_cache.page_get(slug=slug, variant="page", language=language)
    if content is None:
        petition = previews.public_or_preview(request, selectors.petition_get_public, slug=slug)
        if previews.is_preview(request):
            return render(request, "petitions/detail.html", _page_context(petition))
        content = _render_shared(request, "petitions/detail.html", _page_context(petition))
        content = content.encode()
        local_cache.page_set(slug=slug, variant="page", language=language, content=content)
    return _public(HttpResponse(_sign_links_with_source(content, slug, source_of(request))))


def _sign_links_with_source(content: bytes, slug: str, source: str) -> bytes:
    """The cached page with its sign links carrying `source`: the page is rendered once for
    everyone (no query string in its cache key), and the source, a cleaned code that needs no
    escaping, is put into the links of this response only."""
    if not source:
        return content
    sign = reverse("petitions:sign", kwargs={"slug": slug})
    return content.replace(
        f'href="{sign}"'.encode(), f'href="{with_source(sign, source)}"'.encode()
    )


@require_http_methods(["GET", "HEAD", "POST"])
@previews.previewable
def signature_sign(request, slug: str):
    """The sign form. A valid POST signs (or finds the earlier signature) and redirects to the
    thank-you page, which looks the same whatever happened, so it reveals nothing about who
    has signed. Honeypot submissions are stored flagged and not counted; so are those over
    their address's limit, once the email worker has counted them.

    Every page this view renders carries the visitor's CSRF token, so none may be cached; the
    redirect after a POST is not cacheable anyway (RFC 9111), so it goes without the headers.
    Staff previewing a draft campaign see the form disabled, and a POST is refused as on a
    closed petition (a draft campaign's petition is not open)."""
    petition = previews.public_or_preview(request, selectors.petition_get_public_cached, slug=slug)
    if request.method != "POST":
        form, status = SignatureForm(petition=petition, initial={"source": source_of(request)}), 200
    else:
        signed, form, status = sign_from_post(request, petition)
        if signed:
            return HttpResponseRedirect(petition.thanks_url)
    response = render(
        request, "petitions/sign.html", {"petition": petition, "form": form}, status=status
    )
    add_never_cache_headers(response)
    return response


def sign_from_post(
    request, petition: Petition, *, source: str | None = None
) -> tuple[bool, SignatureForm | None, int]:
    """Sign `petition` from a POST, as the sign page and its embed both do: (True, None, 302)
    once signed; otherwise the bound form to show again and its status (409 when closed).

    Closed is checked here, on the petition the service is given, so the service's
    PetitionClosed cannot follow: the page says "closed" without validating the form.
    `source` is the one to store when the form carries none (an embed's partner).
    """
    if not petition.is_open:
        return False, SignatureForm(request.POST, petition=petition), 409
    submission = SignatureSubmission(request.POST)
    if not submission.is_valid():
        # Validated again, by a form that may be rendered (see SignatureSubmission).
        return False, SignatureForm(request.POST, petition=petition), 200
    services.signature_create(
        petition=petition,
        data=submission.to_input(
            consent_page=settings.SITE_URL + request.path,
            language=get_language() or "",
            source=source,
        ),
        ip=client_ip(request),
    )
    return True, None, 302


def _share_context(petition: Petition) -> dict:
    return {
        "petition": petition,
        "campaign": petition.campaign,
        "share_url": settings.SITE_URL + petition.get_absolute_url(),
        "next_action_url": selectors.petition_next_action_url(petition=petition),
    }


@require_safe
def signature_thanks(request, slug: str):
    """After signing: check your email. The same for everyone, so it is cacheable."""
    petition = selectors.petition_get_public_cached(slug=slug)
    content = _render_shared(request, "petitions/thanks.html", _share_context(petition))
    return _public(HttpResponse(content))


@require_safe
def signature_confirmed(request, slug: str):
    """After confirming: your signature counts; share it, and the campaign's next step."""
    petition = selectors.petition_get_public(slug=slug)
    content = _render_shared(request, "petitions/confirmed.html", _share_context(petition))
    return _public(HttpResponse(content))


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def signature_confirm(request, token: str):
    """The confirmation link's page: GET shows a button, only the POST confirms.

    Mail scanners follow links in emails, so opening the link must change nothing.
    """
    try:
        signature_id = confirmation_token_read(token)
    except TokenExpired:
        return _confirm_problem(request, "expired", status=410)
    except TokenInvalid:
        return _confirm_problem(request, "invalid", status=400)
    if request.method == "POST":
        try:
            outcome = services.signature_confirm(signature_id=signature_id)
        except Signature.DoesNotExist:
            return _confirm_problem(request, "unknown", status=404)
        except services.PetitionClosed as closed:
            return _confirm_problem(request, "closed", status=409, petition=closed.args[0])
        return redirect("petitions:confirmed", slug=outcome.signature.petition.slug)
    signature = selectors.signature_get_for_confirmation(signature_id=signature_id)
    if signature is None:
        return _confirm_problem(request, "unknown", status=404)
    petition = signature.petition
    if signature.is_confirmed:
        return redirect("petitions:confirmed", slug=petition.slug)
    if not petition.is_open:
        return _confirm_problem(request, "closed", status=409, petition=petition)
    return render(request, "petitions/confirm.html", {"petition": petition, "token": token})


def _confirm_problem(request, problem: str, *, status: int, petition: Petition | None = None):
    return render(
        request,
        "petitions/confirm_problem.html",
        {"problem": problem, "petition": petition},
        status=status,
    )


@require_safe
def petition_json(request, slug: str):
    """Title, status, count, goal and counts by province and riding, as UK petitions does."""
    language = get_language()
    content = local_cache.page_get(slug=slug, variant="json", language=language)
    if content is None:
        petition = selectors.petition_get_public(slug=slug)
        by_province, by_riding = selectors.petition_counts_by_area(petition=petition)
        response = JsonResponse(
            {
                "slug": petition.slug,
                # In the language of the address (/fr/…), when the petition has a French version.
                "title": petition.shown.title,
                "demand": petition.shown.demand,
                "addressed_to": petition.shown.addressed_to,
                "status": petition.status,
                "count": selectors.petition_count(petition=petition),
                "goal": petition.goal,
                "url": settings.SITE_URL + petition.get_absolute_url(),
                "signatures_by_province": [
                    {"code": a.code, "name": a.name, "signature_count": a.count}
                    for a in by_province
                ],
                "signatures_by_riding": [
                    {"code": a.code, "name": a.name, "signature_count": a.count} for a in by_riding
                ],
            }
        )
        content = response.content
        local_cache.page_set(
            slug=slug, variant="json", language=language, content=content, seconds=JSON_SECONDS
        )
    return _public(HttpResponse(content, content_type="application/json"), max_age=JSON_SECONDS)
