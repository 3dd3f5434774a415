package com.lakesail.sdk.identity;

import com.lakesail.sdk.Paginated;
import java.util.function.Consumer;

/**
 * The caller's API tokens: {@code /v1/me/tokens}. Obtain it from {@code LakeSail.tokens()};
 * implement it to fake the service in a test.
 *
 * <pre>{@code
 * CreatedToken ci = lakesail.tokens().create(r -> r.name("ci").expiresInDays(30));
 * System.out.println("export LAKESAIL_TOKEN=" + ci.secret());   // shown once
 * for (ApiToken token : lakesail.tokens().list()) {
 *     System.out.println(token.prefix() + " " + token.name() + " expires " + token.expiresAt());
 * }
 * lakesail.tokens().delete(ci.token().id());
 * }</pre>
 */
public interface TokenService {

    /**
     * Creates a token. Retries reuse one {@code Idempotency-Key}, so a retried create never makes two.
     */
    CreatedToken create(CreateTokenRequest request);

    default CreatedToken create(Consumer<CreateTokenRequest.Builder> request) {
        CreateTokenRequest.Builder builder = CreateTokenRequest.builder();
        request.accept(builder);
        return create(builder.build());
    }

    /** The caller's tokens, fetched lazily page by page. */
    Paginated<ApiToken> list(ListTokensRequest request);

    default Paginated<ApiToken> list(Consumer<ListTokensRequest.Builder> request) {
        ListTokensRequest.Builder builder = ListTokensRequest.builder();
        request.accept(builder);
        return list(builder.build());
    }

    default Paginated<ApiToken> list() {
        return list(ListTokensRequest.builder().build());
    }

    /** Revokes a token; requests carrying it are refused from then on. */
    void delete(String tokenId);
}
