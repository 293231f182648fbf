"""Signed webhooks: Chorus tells an organisation's systems what happened, once per event.

Apps call one function, `campaign.webhooks.services.webhook_emit`, inside the transaction where
the event happens, with an event name from `campaign.webhooks.events`. Everything else
(endpoints, signing, delivery with retries, the sweep, the admin) is this package's business.
See the README, "Webhooks", for what a receiver gets and how it checks the signature.
"""
