package com.lakesail.sdk.access;

import com.lakesail.sdk.Paginated;
import java.util.function.Consumer;

/**
 * Invitations into the client's organization: {@code /v1/orgs/{orgId}/invitations}, and accepting
 * one ({@code /v1/invitations/accept}) as the invited user. Implement it to fake the service in a test.
 *
 * <pre>{@code
 * CreatedInvitation created = admin.invitations().create(r -> r.email("bob@example.com").roleIds(List.of("analyst")));
 * // ... bob signs up with that email, then:
 * Member bob = bobsClient.invitations().accept(created.token());
 * }</pre>
 */
public interface InvitationService {

    /** Invites an email; the token in the result is shown only here. */
    CreatedInvitation create(CreateInvitationRequest request);

    default CreatedInvitation create(Consumer<CreateInvitationRequest.Builder> request) {
        CreateInvitationRequest.Builder builder = CreateInvitationRequest.builder();
        request.accept(builder);
        return create(builder.build());
    }

    Paginated<Invitation> list(ListRequest request);

    default Paginated<Invitation> list() {
        return list(ListRequest.builder().build());
    }

    Invitation get(String invitationId);

    /** Revokes a pending invitation; its token stops working. */
    void revoke(String invitationId);

    /**
     * Accepts an invitation as the signed-in user, whose email must be the invited one; works once.
     * Needs no organization on the client.
     *
     * @return the new membership
     */
    Member accept(String token);
}
