"""Writing answers a mailbox that already wrote exactly as it answers a new one, in the same time.

A second attempt gets the same page as a first (test_flow); this checks that the request does
not tell either, by its queries or its time (issue "7/10 Hardening", item 3). Whether the
address's owner gets the confirmation, a "you already wrote" notice or nothing is decided by
the email worker.
"""

import pytest

from letters.models import Letter
from tests.letters.test_flow import letter_data, write_url
from tests.timing.helpers import answered, interleaved_timings, timings_agree, visible

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_submit_limit(settings):
    settings.LETTERS_SUBMIT_RATELIMIT = "100000/h"


def _post(client, template, email, **overrides):
    return answered(
        client, write_url(template), {**letter_data(supporter_email=email, **overrides), "send": ""}
    )


@pytest.mark.parametrize("earlier", ["unconfirmed", "confirmed"])
def test_writing_again_runs_the_same_queries_and_answers_the_same(client, mp_template, earlier):
    _post(client, mp_template, "known@example.org")
    if earlier == "confirmed":
        Letter.objects.update(status=Letter.Status.CONFIRMED)
    _post(client, mp_template, "warm-up@example.org")

    new, new_queries = _post(client, mp_template, "new@example.org", subject="Again")
    known, known_queries = _post(client, mp_template, "KNOWN+x@example.org", subject="Again")

    assert known_queries == new_queries
    assert visible(known) == visible(new)
    assert new.status_code == 302


def test_writing_again_past_the_notice_limit_still_runs_the_same_queries(client, mp_template):
    for _ in range(5):
        _post(client, mp_template, "known@example.org")

    new, new_queries = _post(client, mp_template, "new@example.org")
    known, known_queries = _post(client, mp_template, "known@example.org")

    assert known_queries == new_queries
    assert visible(known) == visible(new)


@pytest.mark.timing
def test_writing_again_takes_as_long_as_writing_first(client, mp_template):
    url = write_url(mp_template)
    _post(client, mp_template, "known@example.org")
    runs = iter(range(100))

    def measure():
        run = next(runs)

        def post_new(i):
            data = letter_data(supporter_email=f"new-{run}-{i}@example.org")
            client.post(url, {**data, "send": ""})

        def post_known(i):
            client.post(url, {**letter_data(supporter_email="known@example.org"), "send": ""})

        return interleaved_timings(post_new, post_known, pairs=200)

    agree, timings = timings_agree(measure)

    print("\nwriting:", "; ".join(str(t) for t in timings))
    assert agree, "; ".join(str(t) for t in timings)


def test_a_letter_to_several_is_written_to_none_when_the_mailbox_wrote_to_one(db):
    from django.core import mail

    from campaign.outbox.models import OutboundEmail
    from letters import services
    from letters.models import LetterRecipient, LetterTemplate
    from letters.selectors import recipients_for
    from tests.factories import LetterTemplateFactory, TargetFactory
    from tests.factories.letters import LetterFactory, LetterRecipientFactory
    from tests.letters.test_flow import send_queued

    template = LetterTemplateFactory(kind=LetterTemplate.Kind.TARGETS, editable=True)
    first = TargetFactory(campaign=template.campaign, name="Ana", email="ana@gc.ca")
    second = TargetFactory(campaign=template.campaign, name="Ben", email="ben@gc.ca")
    template.targets.set([first, second])
    earlier = LetterFactory(template=template, supporter_email="sam@example.org")
    LetterRecipientFactory(letter=earlier, name="Ana", email="ANA@gc.ca")

    services.letter_submit(
        template=template,
        recipients=recipients_for(template=template, riding=None),
        riding=None,
        supporter_name="Sam Supporter",
        supporter_email="sam@example.org",
        supporter_postal_code="K1A 0A6",
        subject="Again",
        body="Dear Ana and Ben, please act now to help people reach safety. Sam",
    )
    assert LetterRecipient.objects.count() == 1  # not Ben either: all or none
    send_queued()

    assert [e.related for e in OutboundEmail.objects.all()] == [earlier]
    assert len(mail.outbox) == 1
    assert "tried to write again to Ana" in mail.outbox[0].body
