package com.lakesail.local;

import static com.lakesail.local.HttpApi.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.lakesail.local.HttpApi.Account;
import com.lakesail.local.HttpApi.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Lists page with {@code ?limit=&nextToken=}; every item once; bad parameters are 400s naming them. */
class LocalBackendPaginationTest {
    private static LocalBackend backend;
    private static HttpApi api;

    @BeforeAll
    static void start() {
        backend = LocalBackend.builder().port(0).inMemory().start();
        api = new HttpApi(backend.endpoint());
    }

    @AfterAll
    static void stop() {
        backend.close();
    }

    @Test
    void listTokens_whenPagedByTwo_returnsEveryTokenExactlyOnce() {
        Account account = api.signup();
        Set<String> expected = new HashSet<>(ids(api.get("/v1/me/tokens", account.token()).json()));
        for (int i = 0; i < 4; i++) {
            expected.add(api.post("/v1/me/tokens", account.token(), "{\"name\":\"t" + i + "\"}").json().path("id").asText());
        }

        List<List<String>> pages = pages("/v1/me/tokens", account.token(), 2);

        assertEquals(List.of(2, 2, 1), pages.stream().map(List::size).toList());
        assertOnce(expected, pages);
    }

    @Test
    void listOrganizations_whenPagedByTwo_returnsEveryOrganizationExactlyOnce() {
        Account account = api.signup();
        Set<String> expected = new HashSet<>(Set.of(account.organizationId()));
        for (int i = 0; i < 4; i++) {
            expected.add(api.createOrganization(account.token(), "org-" + i));
        }

        List<List<String>> pages = pages("/v1/orgs", account.token(), 2);

        assertEquals(List.of(2, 2, 1), pages.stream().map(List::size).toList());
        assertOnce(expected, pages);
    }

    @Test
    void listOrganizations_whenLastPageIsFull_endsWithoutAnEmptyPage() {
        Account account = api.signup();
        Set<String> expected = new HashSet<>(Set.of(account.organizationId()));
        for (int i = 0; i < 3; i++) {
            expected.add(api.createOrganization(account.token(), "org-" + i));
        }

        List<List<String>> pages = pages("/v1/orgs", account.token(), 2);

        assertEquals(List.of(2, 2), pages.stream().map(List::size).toList());
        assertOnce(expected, pages);
    }

    @Test
    void list_whenLimitInvalid_answers400NamingLimit() {
        Account account = api.signup();
        for (String path : List.of("/v1/orgs", "/v1/me/tokens")) {
            for (String limit : List.of("0", "-1", "101", "abc", "1.5", "", "99999999999")) {
                Response response = api.get(path + "?limit=" + limit, account.token());

                assertError(response, 400, "ValidationError");
                assertEquals(List.of("limit"), response.fields(), path + "?limit=" + limit);
            }
        }
    }

    @Test
    void list_whenNextTokenGarbage_answers400NamingNextToken() {
        Account account = api.signup();
        for (String path : List.of("/v1/orgs", "/v1/me/tokens")) {
            for (String token : List.of("garbage", "", "AAAA", "e30", "x".repeat(3000))) {
                Response response = api.get(path + "?limit=2&nextToken=" + token, account.token());

                assertError(response, 400, "ValidationError");
                assertEquals(List.of("nextToken"), response.fields(), path + " " + token);
            }
        }
    }

    @Test
    void list_whenNextTokenBelongsToAnotherListOrUser_answers400NamingNextToken() {
        Account ada = api.signup();
        Account bob = api.signup();
        for (int i = 0; i < 2; i++) {
            api.createOrganization(ada.token(), "a" + i);
            api.post("/v1/me/tokens", ada.token(), "{\"name\":\"t" + i + "\"}");
        }
        String orgsToken = api.get("/v1/orgs?limit=1", ada.token()).json().path("nextToken").asText();
        String tokensToken = api.get("/v1/me/tokens?limit=1", ada.token()).json().path("nextToken").asText();
        assertFalse(orgsToken.isEmpty());
        assertFalse(tokensToken.isEmpty());

        List<Response> misuses = List.of(
                api.get("/v1/me/tokens?nextToken=" + encode(orgsToken), ada.token()),
                api.get("/v1/orgs?nextToken=" + encode(tokensToken), ada.token()),
                api.get("/v1/orgs?nextToken=" + encode(orgsToken), bob.token()),
                api.get("/v1/me/tokens?nextToken=" + encode(tokensToken), bob.token()));

        for (Response response : misuses) {
            assertError(response, 400, "ValidationError");
            assertEquals(List.of("nextToken"), response.fields());
        }
    }

    /** Follows nextToken from the first page to the last and returns each page's ids. */
    private static List<List<String>> pages(String path, String token, int limit) {
        List<List<String>> pages = new ArrayList<>();
        String next = null;
        do {
            Response page = api.get(path + "?limit=" + limit + (next == null ? "" : "&nextToken=" + encode(next)), token);
            assertEquals(200, page.status(), page.toString());
            pages.add(ids(page.json()));
            next = page.json().has("nextToken") ? page.json().path("nextToken").asText() : null;
            assertTrue(pages.size() < 100, "paging does not end");
        } while (next != null);
        return pages;
    }

    private static void assertOnce(Set<String> expected, List<List<String>> pages) {
        List<String> all = pages.stream().flatMap(List::stream).toList();
        assertEquals(expected.size(), all.size(), "items returned: " + all);
        assertEquals(expected, Set.copyOf(all));
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.path("items").forEach(item -> ids.add(item.path("id").asText()));
        return ids;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
