package com.lakesail.sdk.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.lakesail.sdk.Paginated;
import com.lakesail.sdk.access.CreateInvitationRequest;
import com.lakesail.sdk.access.CreatedInvitation;
import com.lakesail.sdk.access.Invitation;
import com.lakesail.sdk.access.InvitationService;
import com.lakesail.sdk.access.ListRequest;
import com.lakesail.sdk.access.Member;
import com.lakesail.sdk.exception.SdkClientException;
import java.util.Map;

final class DefaultInvitationService implements InvitationService {
    private final RestClient rest;
    private final OrgPath org;

    DefaultInvitationService(RestClient rest, OrgPath org) {
        this.rest = rest;
        this.org = org;
    }

    @Override
    public CreatedInvitation create(CreateInvitationRequest request) {
        Object body = JsonBody.of("email", request.email(), "roleIds", request.roleIds(), "teamIds", request.teamIds(),
                "expiresInDays", request.expiresInDays());
        // On the wire the token sits beside the invitation's fields; the model keeps it apart.
        JsonNode node = rest.send(ApiRequest.create(org.of("invitations"), body, request.idempotencyKey()), JsonNode.class);
        try {
            return new CreatedInvitation(SdkJson.mapper().treeToValue(node, Invitation.class), node.path("token").textValue());
        } catch (JsonProcessingException e) {
            throw new SdkClientException("unexpected invitation in the response: " + e.getOriginalMessage());
        }
    }

    @Override
    public Paginated<Invitation> list(ListRequest request) {
        return rest.paginate(ApiRequest.get(org.of("invitations")).withQuery("limit", request.limit()), Invitation.class);
    }

    @Override
    public Invitation get(String invitationId) {
        return rest.send(ApiRequest.get(org.of("invitations", invitationId)), Invitation.class);
    }

    @Override
    public void revoke(String invitationId) {
        rest.send(ApiRequest.delete(org.of("invitations", invitationId)));
    }

    @Override
    public Member accept(String token) {
        // Not a create: a retry after success would be refused as "already accepted", so it is sent once.
        return rest.send(new ApiRequest("POST", "/v1/invitations/accept", Map.of(), JsonBody.of("token", token), false, null),
                Member.class);
    }
}
