"""Every public page, in the state a supporter can see it, for the browser sweeps of
test_public_pages_in_a_browser.py (axe-core, 320 px, page weight).

`public_pages()` makes the data the pages need and lists, for each, how a browser gets there:
a plain visit, or a form submitted the way a supporter would (the sign form with its errors,
the riding choice, the letter's preview). Each entry names the URL it covers, so
`PUBLIC_URL_NAMES` can be checked against the URL conf: a new public page fails that check
until it is listed here.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.urls import URLPattern, URLResolver, get_resolver, reverse

from campaign.consent.links import unsubscribe_token_make
from campaign.consent.scopes import campaign_scope
from campaign.privacy.links import removal_token_make
from petitions.tokens import confirmation_token_make
from tests.factories import (
    CallPageFactory,
    CampaignFactory,
    DonationLinkFactory,
    OfficeFactory,
    SourceDocumentFactory,
)
from tests.factories.consent import ConsentEventFactory
from tests.factories.directory import FsaRidingFactory, RepresentativeFactory, RidingFactory
from tests.factories.letters import LetterFactory, LetterTemplateFactory
from tests.factories.petitions import PetitionFactory, SignatureFactory
from tests.letters.test_flow import BODY

# URLs that serve no page a person reads, or only staff: the admin, the ESP webhooks, the
# health check for the load balancer, a petition's count as JSON, a campaign's stylesheet and
# the image its shared links show.
NOT_PAGES = {"campaign:healthz", "petitions:json", "campaign:share_image", "campaign_theme"}
# The read API answers machines, in JSON (tests/api checks it against its OpenAPI description).
NOT_PUBLIC_NAMESPACES = {"admin", "outbox", "api"}
# Valid for the browser's own checks (the sign form has `required` and type=email fields), so
# the server is what answers.
SIGNER = {"first_name": "Ada", "last_name": "Lovelace", "email": "ada@example.org"}


@dataclass(frozen=True)
class PublicPage:
    """One page in one state: `visit(page, site)` brings a Playwright page there."""

    label: str
    url_name: str
    visit: Callable


def public_url_names() -> set[str]:
    """Every named URL of the URL conf that serves a public page ("namespace:name")."""
    names = set()

    def walk(patterns, namespace):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                inner = pattern.namespace or namespace
                if inner not in NOT_PUBLIC_NAMESPACES:
                    walk(pattern.url_patterns, inner)
            elif isinstance(pattern, URLPattern) and pattern.name:
                names.add(f"{namespace}:{pattern.name}" if namespace else pattern.name)

    walk(get_resolver().url_patterns, None)
    return names - NOT_PAGES


def _go(url: str) -> Callable:
    def visit(page, site):
        page.goto(site + url)

    return visit


def _submit(url: str, fields: dict[str, str], *, arrives_at: str) -> Callable:
    """Open `url`, fill `fields` (by name) and press the form's button, as a supporter would;
    `arrives_at` is a selector only the resulting page has, so a sweep never checks the form
    again in place of the page it leads to."""

    def visit(page, site):
        page.goto(site + url)
        for name, value in fields.items():
            page.locator(f"main form [name='{name}']").fill(value)
        page.locator("main form [type=submit]").first.click()
        page.locator(arrives_at).first.wait_for(state="attached")

    return visit


def public_pages() -> list[PublicPage]:
    """Make a published campaign with one of each action, and list its pages in the current
    language (reverse() gives /fr/… under translation.override("fr"))."""
    campaign = CampaignFactory(test_mode=False)
    campaign.sources.add(SourceDocumentFactory())
    DonationLinkFactory(campaign=campaign)
    petition = PetitionFactory(campaign=campaign)
    centre = RidingFactory(code="35079", name_en="Ottawa Centre", name_fr="Ottawa-Centre")
    RepresentativeFactory(riding=centre, name="Yasir Naqvi", email="yasir.naqvi@parl.gc.ca")
    FsaRidingFactory(fsa="K1A", riding=centre)
    west = RidingFactory(code="35082", name_en="Ottawa West—Nepean", name_fr="Ottawa-Ouest—Nepean")
    RepresentativeFactory(riding=west, name="Anita Vandenbeld")
    # K1Z straddles two ridings, so the supporter chooses.
    FsaRidingFactory(fsa="K1Z", riding=centre)
    FsaRidingFactory(fsa="K1Z", riding=west)
    template = LetterTemplateFactory(campaign=campaign, slug="write-to-your-mp")
    call_page = CallPageFactory(
        campaign=campaign,
        offices=[OfficeFactory(campaign=campaign), OfficeFactory(campaign=campaign)],
    )
    letter = LetterFactory(template=template)
    signature = SignatureFactory(petition=petition)

    slug = {"slug": petition.slug}
    letter_kwargs = {"campaign": campaign.slug, "template": template.slug}
    call_kwargs = {"campaign": campaign.slug, "slug": call_page.slug}
    sign_url = reverse("petitions:sign", kwargs=slug)
    write_url = reverse("letters:write", kwargs=letter_kwargs) + "?postal_code=K1A0A6&riding=35079"
    sign_token = confirmation_token_make(signature_id=signature.pk)
    removal_token = removal_token_make(kind="signature", object_id=signature.pk)
    ConsentEventFactory(campaign=campaign, address=signature.email)
    unsubscribe = reverse(
        "consent:unsubscribe",
        kwargs={
            "token": unsubscribe_token_make(
                address=signature.email, scope=campaign_scope(campaign.pk)
            )
        },
    )
    return [
        PublicPage("home", "campaign:home", _go(reverse("campaign:home"))),
        PublicPage("campaign", "campaign:detail", _go(campaign.get_absolute_url())),
        PublicPage("privacy notice", "campaign:privacy", _go(reverse("campaign:privacy"))),
        PublicPage("call", "campaign:call", _go(call_page.get_absolute_url())),
        PublicPage(
            "call thanks",
            "campaign:call_thanks",
            _go(reverse("campaign:call_thanks", kwargs=call_kwargs)),
        ),
        PublicPage("petition", "petitions:detail", _go(petition.get_absolute_url())),
        PublicPage("sign", "petitions:sign", _go(sign_url)),
        PublicPage(
            "sign with errors",
            "petitions:sign",
            _submit(sign_url, SIGNER | {"postal_code": "12345"}, arrives_at=".error-summary"),
        ),
        PublicPage("thanks", "petitions:thanks", _go(reverse("petitions:thanks", kwargs=slug))),
        PublicPage(
            "confirm",
            "petitions:confirm",
            _go(reverse("petitions:confirm", kwargs={"token": sign_token})),
        ),
        PublicPage(
            "confirm, broken link (400)",
            "petitions:confirm",
            _go(reverse("petitions:confirm", kwargs={"token": "not:a-token"})),
        ),
        PublicPage(
            "confirmed", "petitions:confirmed", _go(reverse("petitions:confirmed", kwargs=slug))
        ),
        PublicPage("letter start", "letters:start", _go(template.get_absolute_url())),
        PublicPage(
            "letter start with errors",
            "letters:start",
            _submit(
                template.get_absolute_url(), {"postal_code": "12345"}, arrives_at=".error-summary"
            ),
        ),
        PublicPage(
            "letter choose riding",
            "letters:start",
            _submit(
                template.get_absolute_url(), {"postal_code": "K1Z 7B5"}, arrives_at="[name=riding]"
            ),
        ),
        PublicPage("letter write", "letters:write", _go(write_url)),
        PublicPage(
            "letter write with errors",
            "letters:write",
            _submit(
                write_url,
                {"supporter_name": "", "supporter_email": "not-an-email"},
                arrives_at=".error-summary",
            ),
        ),
        PublicPage(
            "letter preview",
            "letters:write",
            _submit(
                write_url,
                {
                    "supporter_name": "Sam Supporter",
                    "supporter_email": "sam@example.org",
                    "body": BODY,
                },
                arrives_at="[name=send]",
            ),
        ),
        PublicPage("letter sent", "letters:sent", _go(reverse("letters:sent"))),
        PublicPage(
            "letter confirm",
            "letters:confirm",
            _go(reverse("letters:confirm", kwargs={"token": letter.signed_token("confirm")})),
        ),
        PublicPage("letter status", "letters:status", _go(letter.get_status_url())),
        PublicPage(
            "remove my data",
            "privacy:remove",
            _go(reverse("privacy:remove", kwargs={"token": removal_token})),
        ),
        PublicPage(
            "remove, broken link (400)",
            "privacy:remove",
            _go(reverse("privacy:remove", kwargs={"token": "not:a-token"})),
        ),
        PublicPage("data removed", "privacy:removed", _go(reverse("privacy:removed"))),
        PublicPage("unsubscribe", "consent:unsubscribe", _go(unsubscribe)),
        PublicPage(
            "unsubscribed",
            "consent:unsubscribe",
            _submit(unsubscribe, {}, arrives_at="main:not(:has(form))"),
        ),
        PublicPage(
            "unsubscribe, broken link (400)",
            "consent:unsubscribe",
            _go(reverse("consent:unsubscribe", kwargs={"token": "not:a-token"})),
        ),
        # The compact pages a partner shows in a frame (campaign/embeds.py), visited directly.
        PublicPage(
            "embedded petition",
            "petitions_embed:sign",
            _go(reverse("petitions_embed:sign", kwargs=slug)),
        ),
        PublicPage(
            "embedded petition thanks",
            "petitions_embed:thanks",
            _go(reverse("petitions_embed:thanks", kwargs=slug)),
        ),
        PublicPage(
            "embedded letter start",
            "letters_embed:start",
            _go(reverse("letters_embed:start", kwargs=letter_kwargs)),
        ),
        PublicPage(
            "embedded letter write",
            "letters_embed:write",
            _go(
                reverse("letters_embed:write", kwargs=letter_kwargs)
                + "?postal_code=K1A0A6&riding=35079"
            ),
        ),
        PublicPage(
            "embedded letter sent",
            "letters_embed:sent",
            _go(reverse("letters_embed:sent", kwargs=letter_kwargs)),
        ),
        PublicPage("not found (404)", "", _go(reverse("campaign:home") + "no-such-page/")),
    ]
