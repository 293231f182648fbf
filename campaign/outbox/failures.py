"""What a sending error means for the message: try again later, or give up now.

SMTP says it in the reply code (4xx: try later, 5xx: never), an ESP's HTTP API the other way
round (5xx and 429: try later, other 4xx: never); a timeout or a dropped connection is always
worth another try. The description kept on the row is the server's own words; what goes to the
logs is only the error's class and code (a server's reply may quote the recipient's address).
"""

import smtplib
from dataclasses import dataclass

from anymail.exceptions import AnymailAPIError, AnymailRecipientsRefused
from django.core.mail import BadHeaderError

from campaign.identities import UnsendableAddress


@dataclass(frozen=True)
class Failure:
    permanent: bool
    # The SMTP connection can no longer be trusted (timeout, disconnect): open a new one.
    connection_broken: bool
    # For the row's last_error (shown to staff in the admin).
    reason: str
    # For the logs: no addresses, no message text.
    log_label: str


def _decode(value) -> str:
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    return str(value)


def _smtp_reply(code: int, message, label: str) -> Failure:
    return Failure(
        permanent=500 <= code < 600,
        # 421: the server is closing the connection.
        connection_broken=code == 421,
        reason=f"SMTP {code} {_decode(message)}".strip()[:1000],
        log_label=f"{label} {code}",
    )


def classify(error: BaseException) -> Failure:
    """Classify an exception raised while building or sending one message."""
    label = type(error).__name__
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        code, message = next(iter(error.recipients.values()), (550, b"recipient refused"))
        return _smtp_reply(code, message, label)
    if isinstance(
        error,
        smtplib.SMTPAuthenticationError | smtplib.SMTPHeloError | smtplib.SMTPNotSupportedError,
    ):
        # Our configuration or the server's state, not this message: worth retrying.
        return Failure(False, True, f"SMTP server problem: {label} {error}"[:1000], label)
    if isinstance(error, smtplib.SMTPResponseException):
        return _smtp_reply(error.smtp_code, error.smtp_error, label)
    if isinstance(error, AnymailRecipientsRefused):
        return Failure(True, False, f"The ESP refused the recipient: {error}"[:1000], label)
    if isinstance(error, AnymailAPIError):
        status = getattr(error, "status_code", None)
        permanent = status is not None and 400 <= status < 500 and status not in (408, 429)
        return Failure(permanent, False, f"ESP error {status}: {error}"[:1000], f"{label} {status}")
    if isinstance(error, smtplib.SMTPServerDisconnected | OSError):
        # OSError covers refused connections and timeouts (socket.timeout is TimeoutError).
        return Failure(False, True, f"Connection problem: {label} {error}"[:1000], label)
    if isinstance(error, UnsendableAddress):
        # Its message says what is wrong with the address, without the address.
        return Failure(True, False, str(error), label)
    if isinstance(error, BadHeaderError | ValueError | UnicodeError):
        return Failure(True, False, f"The message cannot be built: {label}", label)
    # Unknown: retry (bounded by OUTBOX_MAX_ATTEMPTS) on a fresh connection.
    return Failure(False, True, f"Unexpected error: {label}", label)
