package com.lakesail.sdk.internal;

import com.lakesail.sdk.access.AccessService;
import com.lakesail.sdk.access.WhoCan;
import com.lakesail.sdk.access.WhoCanRequest;

final class DefaultAccessService implements AccessService {
    private final RestClient rest;
    private final OrgPath org;

    DefaultAccessService(RestClient rest, OrgPath org) {
        this.rest = rest;
        this.org = org;
    }

    @Override
    public WhoCan whoCan(WhoCanRequest request) {
        return rest.send(ApiRequest.get(org.of("access", "who-can")).withQuery("action", request.action())
                .withQuery("resource", request.resource()), WhoCan.class);
    }
}
