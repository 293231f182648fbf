"""Who a supporter is: one identity per mailbox, and what a name may contain.

Shared by petitions (one signature per mailbox and petition), letters (one letter per mailbox,
recipient and campaign) and the outbox (an address it can send to), so neither app imports
the other for it. No model here: plain functions and one form field.

Two forms of an address:

- `mailbox_address` is what is stored and sent to: Unicode NFKC, a quoted local part unquoted
  where a plain one says the same (`"janedoe"@gmail.com`), the domain IDNA-encoded in lower
  case (`bücher.de` → `xn--bcher-kva.de`, which SMTP and `formataddr` accept). Strict: an
  address holding control, zero-width or direction characters is refused, never cleaned.
- `mailbox_key` is who it is: the address above in lower case, `+tag` removed, Gmail's dots
  removed. Lenient (it never raises), so stored rows and admin searches get a key too.
- `mailbox_hash` is who it was: a keyed hash of the key, kept once the address is erased.
"""

import re
import unicodedata

import idna
from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _

# Providers that ignore dots in the local part; for them `j.smith` and `jsmith` are one mailbox.
_DOTLESS_DOMAINS = {"gmail.com": "gmail.com", "googlemail.com": "gmail.com"}

# Control (Cc), format (Cf: zero-width U+200B-200D and U+FEFF, bidi U+200E/F, U+202A-202E,
# U+2066-2069, soft hyphen), line and paragraph separators, lone surrogates.
_HIDDEN_CATEGORIES = frozenset({"Cc", "Cf", "Zl", "Zp", "Cs"})
_ASCII_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
# RFC 5322 dot-atom: a local part that needs no quotes.
_ATEXT = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]"
_DOT_ATOM = re.compile(rf"{_ATEXT}+(?:\.{_ATEXT}+)*\Z")
_QUOTED_PAIR = re.compile(r"\\(.)", re.DOTALL)

ADDRESS_INVALID = _("Enter a valid email address.")
ADDRESS_HIDDEN = _("This address contains invisible or control characters; please type it again.")
ADDRESS_QUOTED = _("Enter the address without quotation marks.")
# Mail to such an address needs SMTPUTF8 all the way to the mailbox, which Chorus's sending
# path does not offer yet: say so, rather than "not valid" to someone whose address works.
ADDRESS_UNICODE_LOCAL = _(
    "We cannot send email yet to an address with accented or non-Latin letters before the @. "
    "Please use another address."
)


class UnsendableAddress(ValueError):
    """A stored address no mail server can be given; the message says why, not the address."""


def has_hidden_characters(value: str) -> bool:
    """Whether `value` holds a character a reader cannot see or that reorders the text around
    it: control characters, zero-width and direction marks, line separators, U+FFFD."""
    if value.isascii():
        return _ASCII_CONTROL.search(value) is not None
    return "\ufffd" in value or any(unicodedata.category(ch) in _HIDDEN_CATEGORIES for ch in value)


def _ascii_domain(domain: str) -> str:
    if domain.isascii():
        return domain.lower()
    try:
        # UTS #46 (what browsers do): maps case and width, then IDNA 2008 to punycode.
        return idna.encode(domain, uts46=True).decode("ascii")
    except (idna.IDNAError, UnicodeError) as error:
        raise ValidationError(ADDRESS_INVALID, code="invalid") from error


def _canonical(value: str) -> str:
    """NFKC, unquoted local part, ASCII domain; ValidationError when that cannot be done."""
    if not value.isascii():
        value = unicodedata.normalize("NFKC", value)
    local, at, domain = value.rpartition("@")
    if not (at and local and domain):
        raise ValidationError(ADDRESS_INVALID, code="invalid")
    if len(local) >= 2 and local[0] == local[-1] == '"':
        unquoted = _QUOTED_PAIR.sub(r"\1", local[1:-1])
        # Only quotes that change nothing are dropped; the rest (`"a@b"`, `"jane doe"`) are
        # refused: no supporter needs them, and no provider rule says whose mailbox they are.
        if not _DOT_ATOM.match(unquoted):
            raise ValidationError(ADDRESS_QUOTED, code="quoted")
        local = unquoted
    if not local.isascii():
        raise ValidationError(ADDRESS_UNICODE_LOCAL, code="unicode_local_part")
    return f"{local}@{_ascii_domain(domain)}"


def mailbox_address(value: str) -> str:
    """The address to store and send to (see the module docstring). Raises ValidationError
    (code `characters`, `quoted`, `unicode_local_part` or `invalid`) for anything else;
    `janedoe@gmail.com` plus a zero-width space is refused, not stripped into someone's
    address."""
    value = value.strip()
    if has_hidden_characters(value):
        raise ValidationError(ADDRESS_HIDDEN, code="characters")
    address = _canonical(value)
    validate_email(address)
    return address


def mailbox_key(address: str) -> str:
    """The identity of the mailbox an address reaches: one key for every way of typing it.

    `Jane.Doe+petition@GoogleMail.com`, `"janedoe"@gmail.com` and `janedoe@GMAIL.com` typed
    in full-width letters share the key `janedoe@gmail.com`. Never raises: hidden characters
    are dropped here (the forms refuse them), and what cannot be made canonical is keyed as
    typed, in lower case.
    """
    value = address.strip()
    if has_hidden_characters(value):
        value = "".join(
            ch
            for ch in value
            if ch != "\ufffd" and unicodedata.category(ch) not in _HIDDEN_CATEGORIES
        )
    try:
        value = _canonical(value)
    except ValidationError:
        value = unicodedata.normalize("NFKC", value)
    local, at, domain = value.lower().rpartition("@")
    if not at:
        return domain
    local = local.split("+", 1)[0] or local
    if domain in _DOTLESS_DOMAINS:
        domain = _DOTLESS_DOMAINS[domain]
        local = local.replace(".", "")
    return f"{local}@{domain}"


def mailbox_hash(address: str) -> str:
    """A keyed hash (HMAC-SHA256, MAILBOX_HASH_KEY) of the mailbox `address` reaches.

    What Chorus keeps of a person whose data it erased: enough to recognise their mailbox again
    (a suppression, an audit entry), never enough to read it back. Every way of typing one
    address (see `mailbox_key`) gives the same 64 hexadecimal characters.
    """
    return salted_hmac(
        "campaign.identities.mailbox",
        mailbox_key(address),
        secret=settings.MAILBOX_HASH_KEY,
        algorithm="sha256",
    ).hexdigest()


def sendable_address(address: str) -> str:
    """`address` as a mail server can take it (IDNA domain), for a row stored before the forms
    checked it; raises UnsendableAddress, saying why, when no server could be given it."""
    try:
        return mailbox_address(address)
    except ValidationError as error:
        reason = {
            "characters": "it contains control or invisible characters",
            "quoted": "its local part is quoted",
            "unicode_local_part": "its local part is not ASCII (no SMTPUTF8)",
        }.get(error.code, "it is not a valid address")
        raise UnsendableAddress(f"The address cannot be sent to: {reason}.") from None


class MailboxField(forms.EmailField):
    """An email field cleaning to `mailbox_address`: what petitions and letters store."""

    # mailbox_address validates the canonical form; Django's validator would do it twice.
    default_validators = []

    def to_python(self, value):
        value = super().to_python(value)
        if value in self.empty_values:
            return value
        return mailbox_address(value)


NAME_HIDDEN = _("Remove the invisible or control characters from your name.")
NAME_ADDRESS = _("A name cannot contain <, > or @.")


def validate_name_text(value: str) -> None:
    """A person's name is text: no markup or address (`Justin Trudeau <pm@pm.gc.ca>` would be a
    display name in a header), no control, zero-width or direction characters (`‮ecilA`)."""
    if has_hidden_characters(value):
        raise ValidationError(NAME_HIDDEN, code="characters")
    if "<" in value or ">" in value or "@" in value:
        raise ValidationError(NAME_ADDRESS, code="address")
