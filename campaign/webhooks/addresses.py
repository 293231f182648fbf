"""Where webhooks may be sent: public addresses only, checked twice (SSRF).

An endpoint's URL is typed by a staff member; without a check, Chorus could be made to POST to
its own network (the database, Redis, a cloud metadata service at 169.254.169.254). The URL is
checked when it is saved (`url_problem`, a form error staff can act on) and, because a name can
resolve elsewhere later (DNS rebinding), again on every connection: the socket's peer address
must be public (`GuardedAdapter`), whatever the name resolved to. Redirects are not followed.

WEBHOOKS_ALLOW_LOCAL_URLS (tests and local development only) allows plain http and private or
loopback addresses.
"""

import ipaddress
import socket
from urllib.parse import urlsplit

from django.conf import settings
from django.utils.translation import gettext as _
from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool


class ForbiddenAddress(Exception):
    """The endpoint's host is (or now resolves to) a private, loopback or reserved address."""


def is_public(address: str) -> bool:
    """True for an address on the public internet (not private, loopback, link-local,
    shared, reserved or multicast), an IPv4-mapped IPv6 address judged as its IPv4 one."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


def local_urls_allowed() -> bool:
    return settings.WEBHOOKS_ALLOW_LOCAL_URLS


def url_problem(url: str) -> str | None:
    """Why Chorus will not send to `url`, in words for staff; None when it may."""
    parts = urlsplit(url)
    allowed_schemes = ("https", "http") if local_urls_allowed() else ("https",)
    if parts.scheme not in allowed_schemes:
        return _("The address must start with https://.")
    if not parts.hostname:
        return _("The address has no host name.")
    if parts.username or parts.password:
        return _("Put no user name or password in the address; the signature authenticates.")
    if local_urls_allowed():
        return None
    try:
        resolved = {info[4][0] for info in socket.getaddrinfo(parts.hostname, parts.port or 443)}
    except (OSError, UnicodeError):
        return _("The host name does not resolve.")
    if not all(is_public(address) for address in resolved):
        return _("The host resolves to a private or local address; Chorus only sends outside.")
    return None


def _check_peer(sock: socket.socket) -> None:
    if local_urls_allowed():
        return
    peer = sock.getpeername()[0]
    if not is_public(peer):
        sock.close()
        raise ForbiddenAddress(f"refused to send to the non-public address {peer}")


class _GuardedHTTPConnection(HTTPConnection):
    def _new_conn(self) -> socket.socket:
        sock = super()._new_conn()
        _check_peer(sock)
        return sock


class _GuardedHTTPSConnection(HTTPSConnection):
    def _new_conn(self) -> socket.socket:
        sock = super()._new_conn()
        _check_peer(sock)
        return sock


class _GuardedHTTPPool(HTTPConnectionPool):
    ConnectionCls = _GuardedHTTPConnection


class _GuardedHTTPSPool(HTTPSConnectionPool):
    ConnectionCls = _GuardedHTTPSConnection


class GuardedAdapter(HTTPAdapter):
    """requests' adapter whose connections refuse non-public peers (after connecting, before
    sending a byte: the check sees the address actually connected to)."""

    def init_poolmanager(self, *args, **kwargs) -> None:
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = {
            "http": _GuardedHTTPPool,
            "https": _GuardedHTTPSPool,
        }
