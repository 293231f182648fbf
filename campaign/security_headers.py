"""A Content-Security-Policy on every response (settings.CONTENT_SECURITY_POLICY).

Chorus's pages run no script of their own and carry no inline style or script (styles live in
static files), so the policy can be strict: everything from our own origin, no inline code,
no plugins, no framing. A view that sets its own header keeps it.
"""

from django.conf import settings


class ContentSecurityPolicyMiddleware:
    def __init__(self, get_response) -> None:
        self.get_response = get_response
        self.policy = settings.CONTENT_SECURITY_POLICY

    def __call__(self, request):
        response = self.get_response(request)
        if self.policy and "Content-Security-Policy" not in response:
            response["Content-Security-Policy"] = self.policy
        return response
