"""Call pages: a phone call supporters make, drafted from a call to action of kind `call`.

A call page (campaign.models.CallPage) shows what to say, each office's number as a `tel:`
link, and an "I called the office of …" button per office (a POST form: no JavaScript). Each
supporter counts once per office: a random id in a signed cookie, set on their first press
(supporters), and a unique constraint on Call. First presses are rate-limited per client
address (throttle), so clearing cookies in a loop cannot pump the count. The supporter is
thanked the same whether the press counted or not.

    drafting.py   the page's title and script, worded from the call to action (no database)
    phones.py     a number as written -> its tel: URI
    services.py   call_page_draft_from_action, call_record
    selectors.py  the public page, its offices with their counts (annotated, never stored)
    supporters.py the signed supporter cookie
    throttle.py   first presses per client address
    forms.py, views.py   the page and the thank-you page (URLs in campaign.public_urls)
"""
