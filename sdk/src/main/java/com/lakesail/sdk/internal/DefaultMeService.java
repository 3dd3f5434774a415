package com.lakesail.sdk.internal;

import com.lakesail.sdk.identity.Me;
import com.lakesail.sdk.identity.MeService;

final class DefaultMeService implements MeService {
    private final RestClient rest;

    DefaultMeService(RestClient rest) {
        this.rest = rest;
    }

    @Override
    public Me get() {
        return rest.send(ApiRequest.get("/v1/me"), Me.class);
    }
}
