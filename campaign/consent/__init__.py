"""The consent ledger (CASL): every consent given or withdrawn, one row each, never edited.

Petitions and letters record consent when the supporter confirms their address (the double
opt-in); unsubscribing, a complaint, or staff acting on a request record its withdrawal.
What a person currently agrees to is the latest row for their mailbox and scope:

- `selectors.consent_current(...)`, `selectors.consenting(scope=...)`: the one read mailings use;
- `services.consent_give(...)`, `services.consent_withdraw(...)`: the only writes
  (`consent_withdraw_by_staff` records one on a person's request, from the admin page in
  `admin.py`, with who did it and an audit entry);
- `scopes`: what consent is for (a campaign's updates, the organisation's newsletter);
- `links`: the signed unsubscribe token (mailbox hash + scope, never the address);
- `wording`: the sentences petitions and letters show beside their checkboxes.

Registered with campaign.privacy as the "consents" holder: an erased person's rows go, and the
outbox's hashed suppression keeps them from being mailed again.
"""
