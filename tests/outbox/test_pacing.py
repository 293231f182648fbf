"""Pacing rules and the slots Redis hands out (shared by every worker)."""

import itertools

import pytest
from django.core.exceptions import ImproperlyConfigured

from campaign.outbox import pacing


@pytest.mark.parametrize(
    ("rate", "interval_ms"),
    [("60/m", 1000), ("1/s", 1000), ("500/h", 7200), ("10/5m", 30000), (" 2 / d ", 43200000)],
)
def test_it_reads_rates(rate, interval_ms):
    assert pacing.parse_rate(rate) == interval_ms


@pytest.mark.parametrize("rate", ["", "60", "0/m", "60/w", "many/m"])
def test_it_refuses_malformed_rates(rate):
    with pytest.raises(ImproperlyConfigured):
        pacing.parse_rate(rate)


def test_it_applies_domain_parent_domain_and_address_rules(settings):
    settings.OUTBOX_RATE_LIMITS = {"gc.ca": "600/m", "pm@pm.gc.ca": "1/m", "parl.gc.ca": "60/m"}

    assert {r.key for r in pacing.rules_for("PM@pm.gc.ca")} == {
        "outbox:pace:pm@pm.gc.ca",
        "outbox:pace:gc.ca",
    }
    assert {r.key for r in pacing.rules_for("mp@parl.gc.ca")} == {
        "outbox:pace:parl.gc.ca",
        "outbox:pace:gc.ca",
    }
    assert pacing.rules_for("someone@example.org") == []


def test_it_hands_out_consecutive_slots_one_interval_apart(settings):
    settings.OUTBOX_RATE_LIMITS = {"parl.gc.ca": "60/m"}

    waits = [pacing.reserve_slot(f"mp{n}@parl.gc.ca") for n in range(4)]

    assert waits[0] == 0
    for previous, current in itertools.pairwise(waits):
        assert 0.9 < current - previous <= 1.05


def test_it_never_waits_for_an_unpaced_address():
    assert [pacing.reserve_slot("someone@example.org") for _ in range(5)] == [0.0] * 5
