"""Campaign content in the page's language: the French version an organiser wrote, or the
campaign's own text, always with the language it is really in.

A campaign's content fields (a campaign's title and summary, a petition's title and demand, a
letter's title, subjects, body and talking points, a call page's title and script, a donation
ask) are written in the campaign's `language`. Each has a French twin, `<field>_fr`, which the
organiser fills in the admin's "French version" section. A page reads `obj.shown.<field>`:

- on a French page, the French twin when it is filled in;
- otherwise the field itself, in the campaign's language (a French campaign's own text is
  French already; an English campaign without a French version shows its English text).

Either way the value carries `.lang`, the language it is really in, for the `lang` attribute
of the element around it: a French page showing an English demand says so to screen readers.
One field falls back on its own, so a translated title above an untranslated demand is right.
"""

from django.utils.translation import gettext_lazy as _

from campaign.languages import current_language

# The admin's "French version" sections say how their fields are used.
FRENCH_VERSION_HELP = _(
    "What French pages show instead of the fields above. Leave a field blank and French pages "
    "show the text above, marked as being in the campaign's language."
)


class ShownText(str):
    """Content text as shown, and `lang`, the language it is written in."""

    lang: str

    def __new__(cls, value: str, lang: str) -> "ShownText":
        text = super().__new__(cls, value)
        text.lang = lang
        return text


class ShownList(list):
    """Content list (talking points) as shown, and `lang`."""

    def __init__(self, values, lang: str) -> None:
        super().__init__(values)
        self.lang = lang


def shown_value(obj, field: str, *, own_language: str, language: str | None = None):
    """`obj.<field>` in `language` (the current one by default): its `<field>_<language>`
    twin when there is one and it is filled in, else the field in `own_language`."""
    language = language or current_language()
    value, lang = getattr(obj, field), own_language
    if language != own_language:
        twin = getattr(obj, f"{field}_{language}", None)
        if twin:
            value, lang = twin, language
    if isinstance(value, list):
        return ShownList(value, lang)
    return ShownText(value or "", lang)


class Shown:
    """`obj.shown.<field>`: a translated field of `obj` as the current page shows it."""

    def __init__(self, obj, fields: tuple[str, ...]) -> None:
        self._obj = obj
        self._fields = fields

    def __getattr__(self, field: str):
        if field.startswith("_") or field not in self._fields:
            raise AttributeError(field)
        return shown_value(self._obj, field, own_language=self._obj.content_language)


class TranslatedContent:
    """For models with French twins of their content fields (TRANSLATED_FIELDS).

    `shown` is worked out on each read, never cached on the object: the same object (a
    petition the process keeps, petitions.local_cache) serves English and French requests.
    """

    TRANSLATED_FIELDS: tuple[str, ...] = ()

    @property
    def content_language(self) -> str:
        """The language the content fields are written in: the campaign's."""
        return self.campaign.language

    @property
    def shown(self) -> Shown:
        return Shown(self, self.TRANSLATED_FIELDS)
