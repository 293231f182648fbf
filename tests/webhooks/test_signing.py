"""The X-Chorus-Signature scheme, as a receiver checks it (the README's function)."""

import pytest

from campaign.webhooks.signing import SignatureError, signature_header, verify

SECRET = "whsec_test"
BODY = b'{"id":"evt_1","type":"signature.confirmed"}'


def test_it_verifies_a_header_it_made():
    header = signature_header(secret=SECRET, body=BODY, timestamp=1_700_000_000)

    assert verify(secret=SECRET, body=BODY, header=header, now=1_700_000_010) == 1_700_000_000


def test_it_refuses_a_changed_body():
    header = signature_header(secret=SECRET, body=BODY, timestamp=1_700_000_000)

    with pytest.raises(SignatureError, match="does not match"):
        verify(secret=SECRET, body=BODY + b" ", header=header, now=1_700_000_000)


def test_it_refuses_a_replay_outside_the_tolerance():
    header = signature_header(secret=SECRET, body=BODY, timestamp=1_700_000_000)

    with pytest.raises(SignatureError, match="tolerance"):
        verify(secret=SECRET, body=BODY, header=header, now=1_700_000_000 + 301)


def test_it_refuses_a_timestamp_changed_to_look_fresh():
    header = signature_header(secret=SECRET, body=BODY, timestamp=1_700_000_000)
    forged = header.replace("t=1700000000", "t=1700009999")

    with pytest.raises(SignatureError):
        verify(secret=SECRET, body=BODY, header=forged, now=1_700_009_999)


@pytest.mark.parametrize("header", ["", "v1=abc", "t=now,v1=abc", "t=1,t=2,v1=abc"])
def test_it_refuses_a_malformed_header(header):
    with pytest.raises(SignatureError, match="malformed"):
        verify(secret=SECRET, body=BODY, header=header, now=1)


def test_any_of_several_signatures_may_match():
    header = signature_header(secret=SECRET, body=BODY, timestamp=5)

    assert verify(secret=SECRET, body=BODY, header=header + ",v1=" + "0" * 64, now=5) == 5


def test_the_readmes_receiver_function_accepts_a_real_signature_and_refuses_a_forgery():
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text()
    block = readme.split("def chorus_verify", 1)[0].rsplit("```python\n", 1)[1]
    block += "def chorus_verify" + readme.split("def chorus_verify", 1)[1].split("```", 1)[0]
    namespace: dict = {}
    exec(block, namespace)  # noqa: S102 - our own README
    chorus_verify = namespace["chorus_verify"]
    header = signature_header(secret=SECRET, body=BODY)

    assert chorus_verify(SECRET, BODY, header)
    assert not chorus_verify(SECRET, BODY + b"x", header)
    assert not chorus_verify("whsec_other", BODY, header)
    old = signature_header(secret=SECRET, body=BODY, timestamp=1_700_000_000)
    assert not chorus_verify(SECRET, BODY, old)
