"""The read API's views: authorise (token and scope), bind the time filters, call one
selector, paginate (pages or a cursor: campaign.api.pagination), respond. Lists are GET only;
every other method is a 405."""

from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
)
from rest_framework import mixins, viewsets
from rest_framework.exceptions import NotFound
from rest_framework.response import Response

from campaign.api import scopes, selectors
from campaign.api.people import PeopleQuery, people_detailed
from campaign.api.permissions import may_read_emails
from campaign.api.serializers import (
    CallSerializer,
    CampaignSerializer,
    OutreachSerializer,
    PersonSerializer,
    PetitionSerializer,
    ProblemSerializer,
    SignatureSerializer,
)
from campaign.api.time_window import TimeWindow, TimeWindowForm, time_window_from

ERRORS = {
    401: OpenApiResponse(ProblemSerializer, description="No token, or not a valid one."),
    403: OpenApiResponse(ProblemSerializer, description="The token lacks this scope."),
    429: OpenApiResponse(ProblemSerializer, description="Too many requests for this token."),
}
LIST_ERRORS = {
    400: OpenApiResponse(
        # DRF's validation errors: each parameter refused, with why.
        {"type": "object", "additionalProperties": {"type": "array", "items": {"type": "string"}}},
        description=(
            "A filter is not a date, or the cursor is not one this list gave: each parameter "
            "refused, with why."
        ),
    ),
    404: OpenApiResponse(ProblemSerializer, description="No such page."),
}
DETAIL_ERRORS = {404: OpenApiResponse(ProblemSerializer, description="No such object.")}
# Ids are numbers (a bigint at most): anything else is a 404 from the URL, never a query.
INTEGER_ID = "[0-9]{1,18}"
PERSON_ID = "[0-9a-f]{64}"  # campaign.api.people.person_id


def documented(tag: str):
    """The OpenAPI description of a resource, from its class: its filters, its answers (its
    `serializer_class`) and the scope it needs (its `required_scope`), so they cannot disagree."""

    def describe(viewset):
        serializer = viewset.serializer_class
        note = f"Needs a token with the `{viewset.required_scope}` scope."
        return extend_schema_view(
            list=extend_schema(
                tags=[tag],
                description=note,
                parameters=[TimeWindowForm],
                responses={200: serializer(many=True), **LIST_ERRORS, **ERRORS},
            ),
            retrieve=extend_schema(
                tags=[tag],
                description=note,
                responses={200: serializer, **DETAIL_ERRORS, **ERRORS},
            ),
        )(viewset)

    return describe


class Resource(viewsets.GenericViewSet):
    """A resource needing `required_scope`, its emails shown only to a caller allowed them."""

    required_scope: str

    def get_serializer_context(self):
        return {**super().get_serializer_context(), "emails": may_read_emails(self.request)}


class ReadOnlyResource(mixins.ListModelMixin, mixins.RetrieveModelMixin, Resource):
    """A resource read through one selector, `selector(window=…)`."""

    selector = None
    lookup_value_regex = INTEGER_ID

    def get_queryset(self):
        window = time_window_from(self.request.query_params) if self.action == "list" else None
        return type(self).selector(window=window or TimeWindow())


@documented(tag="campaigns")
class CampaignViewSet(ReadOnlyResource):
    required_scope = scopes.CAMPAIGNS
    selector = selectors.campaign_list
    serializer_class = CampaignSerializer


@documented(tag="petitions")
class PetitionViewSet(ReadOnlyResource):
    required_scope = scopes.CAMPAIGNS
    selector = selectors.petition_list
    serializer_class = PetitionSerializer


@documented(tag="signatures")
class SignatureViewSet(ReadOnlyResource):
    required_scope = scopes.SIGNATURES
    selector = selectors.signature_list
    serializer_class = SignatureSerializer


@documented(tag="outreaches")
class OutreachViewSet(ReadOnlyResource):
    required_scope = scopes.LETTERS
    selector = selectors.outreach_list
    serializer_class = OutreachSerializer

    def get_serializer(self, *args, **kwargs):
        # Each recipient's delivery status comes from the outbox, for the page in one query.
        letters = args[0] if args else []
        letters = letters if isinstance(letters, list) else [letters]
        kwargs["context"] = {
            **self.get_serializer_context(),
            "deliveries": selectors.outreach_deliveries(letters),
        }
        return self.serializer_class(*args, **kwargs)


@documented(tag="calls")
class CallViewSet(ReadOnlyResource):
    required_scope = scopes.CALLS
    selector = selectors.call_list
    serializer_class = CallSerializer


@documented(tag="people")
class PersonViewSet(Resource):
    """People are grouped from two tables (campaign.api.people), not one queryset."""

    required_scope = scopes.PEOPLE
    lookup_value_regex = PERSON_ID
    serializer_class = PersonSerializer

    def list(self, request):
        rows = self.paginate_queryset(PeopleQuery(window=time_window_from(request.query_params)))
        serializer = self.get_serializer(people_detailed(rows), many=True)
        return self.get_paginated_response(serializer.data)

    @extend_schema(
        parameters=[
            OpenApiParameter(
                "id",
                str,
                OpenApiParameter.PATH,
                pattern=f"^{PERSON_ID}$",
                description="A person id.",
            )
        ]
    )
    def retrieve(self, request, pk: str):
        rows = PeopleQuery(id=pk)[0:1]
        if not rows:
            raise NotFound()
        return Response(self.get_serializer(people_detailed(rows)[0]).data)
