package com.lakesail.sdk.access;

import com.lakesail.sdk.Paginated;
import java.util.function.Consumer;

/**
 * Teams of the client's organization: {@code /v1/orgs/{orgId}/teams}. Implement it to fake the
 * service in a test.
 *
 * <pre>{@code
 * Team platform = lakesail.teams().create(r -> r.name("platform"));
 * lakesail.teams().addMember(platform.id(), bob.id());
 * lakesail.roleBindings().create(r -> r.roleId("infra-admin").subject(Subject.team(platform.id())));
 * }</pre>
 */
public interface TeamService {

    Team create(CreateTeamRequest request);

    default Team create(Consumer<CreateTeamRequest.Builder> request) {
        CreateTeamRequest.Builder builder = CreateTeamRequest.builder();
        request.accept(builder);
        return create(builder.build());
    }

    Paginated<Team> list(ListRequest request);

    default Paginated<Team> list() {
        return list(ListRequest.builder().build());
    }

    Team get(String teamId);

    Team update(UpdateTeamRequest request);

    default Team update(Consumer<UpdateTeamRequest.Builder> request) {
        UpdateTeamRequest.Builder builder = UpdateTeamRequest.builder();
        request.accept(builder);
        return update(builder.build());
    }

    /** Deletes the team and the role bindings on it. */
    void delete(String teamId);

    /** Adds a member; the caller must be able to grant every role the team holds. */
    Team addMember(String teamId, String memberId);

    void removeMember(String teamId, String memberId);
}
