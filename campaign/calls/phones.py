"""Phone numbers as documents write them, as `tel:` links a phone can dial (RFC 3966)."""

import re

_EXTENSION = re.compile(r"(?i)\s*(?:,|;)?\s*(?:ext\.?|extension|x|poste)\s*(\d{1,6})\s*$")
_KEYPAD = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "22233344455566677778889999")


def tel_uri(phone: str) -> str:
    """`tel:` URI for a number: "416-325-1941" -> "tel:+14163251941".

    Ten digits, or eleven starting with 1, are North American numbers and get +1; a number
    written with "+" keeps its country code; anything else is dialled as written (digits
    only). Letters are keypad digits (1-800-FLOWERS); an extension becomes ";ext=".
    """
    phone = phone.strip()
    extension = _EXTENSION.search(phone)
    main = phone[: extension.start()] if extension else phone
    digits = re.sub(r"\D", "", main.upper().translate(_KEYPAD))
    if main.startswith("+"):
        number = f"+{digits}"
    elif len(digits) == 10:
        number = f"+1{digits}"
    elif len(digits) == 11 and digits.startswith("1"):
        number = f"+{digits}"
    else:
        number = digits
    if extension:
        number += f";ext={extension.group(1)}"
    return f"tel:{number}"


def phone_key(phone: str) -> str:
    """What two ways of writing one number share: "(416) 325-1941" and "416.325.1941"."""
    digits = re.sub(r"\D", "", phone)
    return digits[1:] if len(digits) == 11 and digits.startswith("1") else digits
