"""Where `make run` serves: HOST and PORT checked before anything is installed.

    python3 -P campaign/run_address.py HOST PORT

prints runserver's address and the site's address for emailed links, e.g.
`127.0.0.1:8000 http://127.0.0.1:8000`, or else one line saying why it cannot serve there
(and exits 1). It runs on the system Python before the virtualenv exists: standard library only,
and with -P, so the modules beside it (campaign/selectors.py) cannot shadow the standard ones.
"""

import ipaddress
import re
import socket
import sys

_LABEL = re.compile(r"[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?", re.IGNORECASE)


class BadAddress(ValueError):
    pass


def _port(port: str) -> int:
    if not re.fullmatch(r"[0-9]{1,5}", port) or not 1 <= int(port) <= 65535:
        raise BadAddress(f"PORT={port}: not a port number (1 to 65535)")
    return int(port)


def _host(host: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | str:
    """An IP address, or a host name (RFC 1123: letters, digits and hyphens between dots)."""
    bare = host[1:-1] if host.startswith("[") and host.endswith("]") else host
    try:
        return ipaddress.ip_address(bare)
    except ValueError:
        pass
    labels = bare.split(".")
    if (
        len(bare) > 253
        or not all(_LABEL.fullmatch(label) for label in labels)
        # All digits is a mistyped IP address, not a name.
        or labels[-1].isdigit()
    ):
        raise BadAddress(f"HOST={host}: not an IP address or a host name")
    return bare


def _try_bind(host: str, port: int, family: socket.AddressFamily) -> None:
    """Bind as runserver will, so a busy port or an address of another machine is said now."""
    try:
        infos = socket.getaddrinfo(host, port, family, socket.SOCK_STREAM)
        with socket.socket(family, socket.SOCK_STREAM) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind(infos[0][4])
    except OSError as error:
        reason = error.strerror or str(error)
        raise BadAddress(f"cannot serve on HOST={host} PORT={port}: {reason}") from None


def run_address(host: str, port: str) -> tuple[str, str]:
    """runserver's address and the site's URL, or BadAddress saying why not."""
    number = _port(port)
    parsed = _host(host)
    if isinstance(parsed, ipaddress.IPv6Address):
        _try_bind(str(parsed), number, socket.AF_INET6)
        link = "[::1]" if parsed.is_unspecified else f"[{parsed}]"
        return f"[{parsed}]:{number}", f"http://{link}:{number}"
    _try_bind(str(parsed), number, socket.AF_INET)
    # Served on every interface: links use the loopback address, which always reaches it.
    unspecified = isinstance(parsed, ipaddress.IPv4Address) and parsed.is_unspecified
    link = "127.0.0.1" if unspecified else parsed
    return f"{parsed}:{number}", f"http://{link}:{number}"


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: run_address.py HOST PORT")
        return 2
    try:
        print(*run_address(*argv))
    except BadAddress as error:
        print(error)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
