package com.lakesail.sdk.internal;

import com.lakesail.sdk.Paginated;
import com.lakesail.sdk.access.CreateTeamRequest;
import com.lakesail.sdk.access.ListRequest;
import com.lakesail.sdk.access.Team;
import com.lakesail.sdk.access.TeamService;
import com.lakesail.sdk.access.UpdateTeamRequest;
import java.util.Map;

final class DefaultTeamService implements TeamService {
    private final RestClient rest;
    private final OrgPath org;

    DefaultTeamService(RestClient rest, OrgPath org) {
        this.rest = rest;
        this.org = org;
    }

    @Override
    public Team create(CreateTeamRequest request) {
        return rest.send(ApiRequest.create(org.of("teams"), JsonBody.of("name", request.name()), request.idempotencyKey()), Team.class);
    }

    @Override
    public Paginated<Team> list(ListRequest request) {
        return rest.paginate(ApiRequest.get(org.of("teams")).withQuery("limit", request.limit()), Team.class);
    }

    @Override
    public Team get(String teamId) {
        return rest.send(ApiRequest.get(org.of("teams", teamId)), Team.class);
    }

    @Override
    public Team update(UpdateTeamRequest request) {
        Object body = JsonBody.of("name", request.name(), "version", request.version());
        return rest.send(ApiRequest.patch(org.of("teams", request.teamId()), body), Team.class);
    }

    @Override
    public void delete(String teamId) {
        rest.send(ApiRequest.delete(org.of("teams", teamId)));
    }

    @Override
    public Team addMember(String teamId, String memberId) {
        // PUT is idempotent: adding a member twice leaves it in the team once.
        return rest.send(new ApiRequest("PUT", org.of("teams", teamId, "members", memberId), Map.of(), null, false, null), Team.class);
    }

    @Override
    public void removeMember(String teamId, String memberId) {
        rest.send(ApiRequest.delete(org.of("teams", teamId, "members", memberId)));
    }
}
