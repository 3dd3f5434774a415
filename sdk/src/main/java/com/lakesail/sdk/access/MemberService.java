package com.lakesail.sdk.access;

import com.lakesail.sdk.Paginated;
import java.util.function.Consumer;

/**
 * Members of the client's organization: {@code /v1/orgs/{orgId}/members}. People join by accepting
 * an invitation ({@link InvitationService}). Implement it to fake the service in a test.
 *
 * <pre>{@code
 * for (Member m : lakesail.members().list()) {
 *     System.out.println(m.email() + " " + m.roles());
 * }
 * lakesail.members().remove(leaver.id());   // its tokens stop working in this organization at once
 * }</pre>
 */
public interface MemberService {

    Paginated<Member> list(ListRequest request);

    default Paginated<Member> list(Consumer<ListRequest.Builder> request) {
        ListRequest.Builder builder = ListRequest.builder();
        request.accept(builder);
        return list(builder.build());
    }

    default Paginated<Member> list() {
        return list(ListRequest.builder().build());
    }

    Member get(String memberId);

    /** Removes the member, its team memberships and role bindings; the last owner cannot be removed. */
    void remove(String memberId);
}
