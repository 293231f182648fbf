"""The read API for organisations' systems: /api/v1/, tokens with scopes, OpenAPI described.

The integration layer: it reads petitions', letters' and the outbox's models, and none of
them imports it. README.md ("API") is the user's guide.

    models.py          ApiToken (its key kept only as a SHA-256)
    scopes.py          the scopes, each tied to the admin permission its user must hold
    services.py        api_token_create (key shown once), api_token_revoke, api_token_touch
    authentication.py  `Authorization: Bearer <key>` -> the token and its user (else 401)
    permissions.py     HasScope (else 403); may_read_emails
    throttling.py      requests per token per minute (API_RATE_LIMIT)
    time_window.py     created_since / modified_since / until, checked like a form
    pagination.py      pages (page) or a signed cursor (cursor) for a sync; per_page capped at 100
    selectors.py       one queryset per resource: what an organisation may see
    people.py          people grouped by mailbox over signatures and letters (SQL), their ids
    serializers.py     the JSON of each resource (OSDI names)
    views.py, urls.py  read-only viewsets, the OpenAPI description at /api/v1/schema/
    admin.py           tokens for superusers; management/commands/api_token_create.py
"""
