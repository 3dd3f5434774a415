package com.lakesail.sdk.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lakesail.sdk.LakeSail;
import com.lakesail.sdk.RetryPolicy;
import com.lakesail.sdk.exception.SdkClientException;
import com.lakesail.sdk.organizations.Organization;
import com.lakesail.sdk.testing.StubServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OrganizationServiceTest {
    private static final String ORG = """
            {"id": "org_1", "name": "acme", "createdAt": "2030-01-01T00:00:00Z",
             "updatedAt": "2030-01-01T00:00:00Z", "version": 3}""";

    private StubServer server;
    private LakeSail lakesail;

    @BeforeEach
    void start() {
        server = StubServer.start();
        lakesail = client("org_default");
    }

    private LakeSail client(String organizationId) {
        return new DefaultLakeSailBuilder().endpoint(server.endpoint()).token("lsk_test")
                .organization(organizationId).retryPolicy(RetryPolicy.none()).build();
    }

    @AfterEach
    void stop() {
        lakesail.close();
        server.close();
    }

    @Test
    void create_whenCalled_postsNameToOrgs() {
        server.reply(201, ORG);

        Organization org = lakesail.organizations().create(r -> r.name("acme"));

        assertEquals(3, org.version());
        assertEquals("POST", server.request(0).method());
        assertEquals("/v1/orgs", server.request(0).path());
        assertEquals("{\"name\":\"acme\"}", server.request(0).body());
    }

    @Test
    void get_whenNoArgument_getsTheClientsOrganization() {
        server.reply(200, ORG);

        lakesail.organizations().get();

        assertEquals("/v1/orgs/org_default", server.request(0).path());
    }

    @Test
    void get_whenClientHasNoOrganization_throwsWithoutSending() {
        lakesail.close();
        lakesail = client(null);

        SdkClientException e = assertThrows(SdkClientException.class, () -> lakesail.organizations().get());

        assertTrue(e.getMessage().contains("organization"));
        assertEquals(0, server.requests().size());
    }

    @Test
    void update_whenOrganizationIdGiven_patchesItWithNameAndVersion() {
        server.reply(200, ORG);

        lakesail.organizations().update(r -> r.organizationId("org_9").name("new").version(3));

        assertEquals("PATCH", server.request(0).method());
        assertEquals("/v1/orgs/org_9", server.request(0).path());
        assertEquals("{\"name\":\"new\",\"version\":3}", server.request(0).body());
    }

    @Test
    void update_whenNoOrganizationId_patchesTheClientsOrganization() {
        server.reply(200, ORG);

        lakesail.organizations().update(r -> r.name("new").version(3));

        assertEquals("/v1/orgs/org_default", server.request(0).path());
    }

    @Test
    void withOrganization_whenUsed_actsInOtherOrganizationAndLeavesOriginalAlone() {
        server.reply(200, ORG);
        server.reply(200, ORG);

        LakeSail other = lakesail.withOrganization("org_other");
        other.organizations().get();
        other.close();
        lakesail.organizations().get();

        assertEquals("org_other", other.organizationId().orElseThrow());
        assertEquals("org_default", lakesail.organizationId().orElseThrow());
        assertEquals("/v1/orgs/org_other", server.request(0).path());
        assertEquals("/v1/orgs/org_default", server.request(1).path());
    }
}
