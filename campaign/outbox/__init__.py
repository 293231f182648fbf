"""The outbox: one place every outbound email passes through (see services.queue_email)."""
