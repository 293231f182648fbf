"""The client's address: believed from the trusted proxy's header only when it is an address."""

from campaign.client_addresses import client_ip


def test_it_uses_the_last_entry_of_a_forwarded_for_list(rf, settings):
    settings.CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"
    request = rf.get("/", HTTP_X_FORWARDED_FOR="1.2.3.4, 203.0.113.5", REMOTE_ADDR="10.0.0.1")

    assert client_ip(request) == "203.0.113.5"


def test_it_falls_back_to_the_peer_address_when_the_header_is_garbage(rf, settings):
    settings.CLIENT_IP_HEADER = "HTTP_X_REAL_IP"
    request = rf.get("/", HTTP_X_REAL_IP="<script>", REMOTE_ADDR="10.0.0.1")

    assert client_ip(request) == "10.0.0.1"


def test_it_ignores_the_header_when_no_proxy_is_trusted(rf, settings):
    settings.CLIENT_IP_HEADER = ""
    request = rf.get("/", HTTP_X_FORWARDED_FOR="203.0.113.5", REMOTE_ADDR="10.0.0.1")

    assert client_ip(request) == "10.0.0.1"
