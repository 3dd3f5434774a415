package com.lakesail.sdk.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.lakesail.sdk.Page;
import com.lakesail.sdk.identity.ApiToken;
import com.lakesail.sdk.identity.CreatedToken;
import com.lakesail.sdk.identity.Me;
import com.lakesail.sdk.identity.Membership;
import com.lakesail.sdk.identity.SignupResult;
import com.lakesail.sdk.identity.User;
import com.lakesail.sdk.organizations.Organization;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonMappingTest {
    private static final ObjectMapper JSON = SdkJson.mapper();
    private static final Instant T1 = Instant.parse("2030-01-01T10:00:00Z");
    private static final Instant T2 = Instant.parse("2030-01-02T11:30:15.250Z");

    enum RunStatus { PENDING, CREATING_SAIL, SUCCEEDED }

    enum ForwardCompatibleStatus { ACTIVE, UNKNOWN_TO_SDK_VERSION }

    record Run(RunStatus status, Instant createdAt, String note) {
    }

    @Test
    void readUser_whenAllFields_mapsThem() throws Exception {
        User user = JSON.readValue("""
                {"id": "usr_1", "email": "ada@example.com", "name": "Ada",
                 "createdAt": "2030-01-01T10:00:00Z", "updatedAt": "2030-01-02T11:30:15.250Z"}""", User.class);

        assertEquals(new User("usr_1", "ada@example.com", "Ada", T1, T2), user);
    }

    @Test
    void readMe_whenMembershipsGiven_mapsUserAndRoles() throws Exception {
        Me me = JSON.readValue("""
                {"user": {"id": "usr_1"},
                 "memberships": [{"memberId": "mem_1", "organizationId": "org_1", "organizationName": "acme",
                                  "roles": ["owner", "admin"]}]}""", Me.class);

        assertEquals("usr_1", me.user().id());
        assertEquals(List.of(new Membership("mem_1", "org_1", "acme", List.of("owner", "admin"))), me.memberships());
    }

    @Test
    void readMe_whenListsAbsent_yieldsEmptyLists() throws Exception {
        Me me = JSON.readValue("{\"user\": {\"id\": \"usr_1\"}, \"memberships\": [{\"memberId\": \"mem_1\"}]}", Me.class);

        assertEquals(List.of(), me.memberships().get(0).roles());
        assertEquals(List.of(), JSON.readValue("{}", Me.class).memberships());
    }

    @Test
    void readApiToken_whenNullableTimesNull_mapsThemToNull() throws Exception {
        ApiToken token = JSON.readValue("""
                {"id": "tok_1", "name": "ci", "prefix": "lsk_abcd", "createdAt": "2030-01-01T10:00:00Z",
                 "expiresAt": "2030-01-02T11:30:15.250Z", "lastUsedAt": null, "revokedAt": null}""", ApiToken.class);

        assertEquals(new ApiToken("tok_1", "ci", "lsk_abcd", T1, T2, null, null), token);
    }

    @Test
    void readCreatedToken_whenFlatWithSecret_splitsMetadataFromSecret() throws Exception {
        CreatedToken created = JSON.readValue("""
                {"id": "tok_1", "name": "ci", "prefix": "lsk_abcd", "createdAt": "2030-01-01T10:00:00Z",
                 "expiresAt": null, "lastUsedAt": null, "revokedAt": null, "secret": "lsk_abcdSECRET"}""",
                CreatedToken.class);

        assertEquals(new ApiToken("tok_1", "ci", "lsk_abcd", T1, null, null, null), created.token());
        assertEquals("lsk_abcdSECRET", created.secret());
    }

    @Test
    void createdTokenToString_whenPrinted_hidesSecret() {
        CreatedToken created = CreatedToken.builder().token(ApiToken.builder().id("tok_1").build())
                .secret("lsk_abcdSECRET").build();

        assertFalse(created.toString().contains("SECRET"), created.toString());
        assertTrue(created.toString().contains("tok_1"));
    }

    @Test
    void readOrganization_whenAllFields_mapsThem() throws Exception {
        Organization org = JSON.readValue("""
                {"id": "org_1", "name": "acme", "createdAt": "2030-01-01T10:00:00Z",
                 "updatedAt": "2030-01-02T11:30:15.250Z", "version": 7}""", Organization.class);

        assertEquals(new Organization("org_1", "acme", T1, T2, 7), org);
    }

    @Test
    void readSignupResult_whenNested_mapsAllThree() throws Exception {
        SignupResult result = JSON.readValue("""
                {"user": {"id": "usr_1"}, "organization": {"id": "org_1", "version": 1},
                 "token": {"id": "tok_1", "secret": "lsk_x"}}""", SignupResult.class);

        assertEquals("usr_1", result.user().id());
        assertEquals(1, result.organization().version());
        assertEquals("tok_1", result.token().token().id());
        assertEquals("lsk_x", result.token().secret());
    }

    @Test
    void read_whenServerAddsUnknownFields_ignoresThem() throws Exception {
        Organization org = JSON.readValue("""
                {"id": "org_1", "name": "acme", "plan": "enterprise", "limits": {"clusters": 5}, "version": 2}""",
                Organization.class);

        assertEquals("org_1", org.id());
        assertEquals(2, org.version());
    }

    @Test
    void readPage_whenItemsAndToken_mapsThemTyped() throws Exception {
        Page<Organization> page = JSON.readValue("{\"items\": [{\"id\": \"org_1\"}], \"nextToken\": \"t\"}",
                JSON.getTypeFactory().constructParametricType(Page.class, Organization.class));

        assertEquals("org_1", page.items().get(0).id());
        assertEquals("t", page.nextToken());
    }

    @Test
    void write_whenEnumAndInstant_writesLowerSnakeCaseAndIsoString() throws Exception {
        String json = JSON.writeValueAsString(new Run(RunStatus.CREATING_SAIL, T2, null));

        assertEquals("{\"status\":\"creating_sail\",\"createdAt\":\"2030-01-02T11:30:15.250Z\"}", json);
    }

    @Test
    void read_whenEnumInLowerSnakeCase_mapsToConstant() throws Exception {
        Run run = JSON.readValue("{\"status\": \"creating_sail\", \"createdAt\": \"2030-01-01T10:00:00Z\"}", Run.class);

        assertEquals(RunStatus.CREATING_SAIL, run.status());
        assertEquals(T1, run.createdAt());
    }

    @Test
    void read_whenEnumValueUnknownAndEnumHasFallback_mapsToUnknownToSdkVersion() throws Exception {
        ForwardCompatibleStatus status = JSON.readValue("\"hibernating\"", ForwardCompatibleStatus.class);

        assertEquals(ForwardCompatibleStatus.UNKNOWN_TO_SDK_VERSION, status);
    }

    @Test
    void read_whenEnumValueUnknownWithoutFallback_fails() {
        assertThrows(InvalidFormatException.class, () -> JSON.readValue("\"hibernating\"", RunStatus.class));
    }

    @Test
    void read_whenEnumNull_mapsToNull() throws Exception {
        assertNull(JSON.readValue("{\"status\": null}", Run.class).status());
    }

    @Test
    void writeBody_whenValueNull_leavesFieldOut() throws Exception {
        assertEquals("{\"name\":\"ci\"}", JSON.writeValueAsString(JsonBody.of("name", "ci", "expiresInDays", null)));
        assertEquals("{\"version\":3}", JSON.writeValueAsString(Map.of("version", 3L)));
    }
}
