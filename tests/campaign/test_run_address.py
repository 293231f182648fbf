"""`campaign/run_address.py`: where `make run` serves, checked before anything is installed."""

import socket

import pytest

from campaign.run_address import BadAddress, main, run_address


@pytest.fixture
def port() -> str:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return str(s.getsockname()[1])


def test_it_serves_on_the_loopback_address_and_links_there(port):
    assert run_address("127.0.0.1", port) == (f"127.0.0.1:{port}", f"http://127.0.0.1:{port}")


def test_a_host_name_is_served_and_linked_as_given(port):
    assert run_address("localhost", port) == (f"localhost:{port}", f"http://localhost:{port}")


def test_every_interface_is_served_and_links_use_the_loopback_address(port):
    assert run_address("0.0.0.0", port) == (f"0.0.0.0:{port}", f"http://127.0.0.1:{port}")  # noqa: S104


def test_ipv6_addresses_get_their_brackets(port):
    if not socket.has_ipv6:
        pytest.skip("no IPv6 here")
    try:
        result = run_address("[::1]", port)
    except BadAddress as error:
        pytest.skip(f"no IPv6 loopback here: {error}")
    assert result == (f"[::1]:{port}", f"http://[::1]:{port}")


@pytest.mark.parametrize("value", ["abc", "", "0", "65536", "80.0", "-1", " 80"])
def test_a_port_that_is_not_a_port_number_is_refused(value):
    with pytest.raises(BadAddress, match=f"^PORT={value}: not a port number"):
        run_address("127.0.0.1", value)


@pytest.mark.parametrize(
    "value", ["", "not a host", "under_score", "999.1.1.1", "http://x", "-lead.example", "a..b"]
)
def test_a_host_that_is_not_an_address_or_a_name_is_refused(value, port):
    with pytest.raises(BadAddress, match=f"^HOST={value}: not an IP address or a host name"):
        run_address(value, port)


def test_a_port_in_use_is_refused():
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = str(taken.getsockname()[1])

        with pytest.raises(BadAddress, match=f"^cannot serve on HOST=127.0.0.1 PORT={port}: "):
            run_address("127.0.0.1", port)


def test_it_says_why_in_one_line_and_exits_1(capsys):
    assert main(["127.0.0.1", "abc"]) == 1
    assert capsys.readouterr().out == "PORT=abc: not a port number (1 to 65535)\n"
