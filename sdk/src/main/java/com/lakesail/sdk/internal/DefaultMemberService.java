package com.lakesail.sdk.internal;

import com.lakesail.sdk.Paginated;
import com.lakesail.sdk.access.ListRequest;
import com.lakesail.sdk.access.Member;
import com.lakesail.sdk.access.MemberService;

final class DefaultMemberService implements MemberService {
    private final RestClient rest;
    private final OrgPath org;

    DefaultMemberService(RestClient rest, OrgPath org) {
        this.rest = rest;
        this.org = org;
    }

    @Override
    public Paginated<Member> list(ListRequest request) {
        return rest.paginate(ApiRequest.get(org.of("members")).withQuery("limit", request.limit()), Member.class);
    }

    @Override
    public Member get(String memberId) {
        return rest.send(ApiRequest.get(org.of("members", memberId)), Member.class);
    }

    @Override
    public void remove(String memberId) {
        rest.send(ApiRequest.delete(org.of("members", memberId)));
    }
}
