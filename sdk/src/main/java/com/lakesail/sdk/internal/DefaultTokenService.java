package com.lakesail.sdk.internal;

import com.lakesail.sdk.Paginated;
import com.lakesail.sdk.identity.ApiToken;
import com.lakesail.sdk.identity.CreateTokenRequest;
import com.lakesail.sdk.identity.CreatedToken;
import com.lakesail.sdk.identity.ListTokensRequest;
import com.lakesail.sdk.identity.TokenService;

final class DefaultTokenService implements TokenService {
    private static final String TOKENS = "/v1/me/tokens";

    private final RestClient rest;

    DefaultTokenService(RestClient rest) {
        this.rest = rest;
    }

    @Override
    public CreatedToken create(CreateTokenRequest request) {
        Object body = JsonBody.of("name", request.name(), "expiresInDays", request.expiresInDays());
        return rest.send(ApiRequest.create(TOKENS, body, request.idempotencyKey()), CreatedToken.class);
    }

    @Override
    public Paginated<ApiToken> list(ListTokensRequest request) {
        return rest.paginate(ApiRequest.get(TOKENS).withQuery("limit", request.limit()), ApiToken.class);
    }

    @Override
    public void delete(String tokenId) {
        rest.send(ApiRequest.delete(ApiRequest.path("v1", "me", "tokens", tokenId)));
    }
}
