"""Follow-up mailings: an organiser writes to a campaign's consenting supporters.

An organiser writes the update in English and French (admin), previews it, sends a test to
themselves, then sends. Sending only marks the mailing `sending` and publishes a task
(`services.mailing_send`); the task (`tasks.expand_mailing`) turns the people who consent *at
that moment* (campaign.consent.selectors.consenting) into outbox rows, a chunk at a time, each
chunk in one transaction that a retry can repeat without writing anyone twice (a unique
mailing + person constraint, and the mailing's cursor). The outbox sends them at its pace.

Every email carries `List-Unsubscribe` and `List-Unsubscribe-Post` (RFC 8058); unsubscribing
(campaign.consent) calls back `services.recipients_cancel` to cancel what is still queued.
"""
