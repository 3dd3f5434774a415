package com.lakesail.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lakesail.local.HttpApi.Account;
import com.lakesail.local.HttpApi.Response;
import com.lakesail.local.workflow.ManualClock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Bad infrastructure input → 400 ValidationError whose details name the field at fault. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LocalBackendInfraValidationTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
    private LocalBackend backend;
    private InfraSteps steps;
    private HttpApi api;
    private Account owner;
    private String org;
    private String accountId;
    private String networkId;

    @BeforeAll
    void start() {
        backend = LocalBackend.builder().port(0).inMemory().clock(clock).workflowWorkers(0).start();
        steps = new InfraSteps(backend, clock);
        api = steps.api();
        owner = api.signup();
        org = owner.organizationId();
        accountId = steps.activeAccount(owner.token(), org, "aws");
        networkId = steps.activeNetwork(owner.token(), org, accountId, "taken", "10.0.0.0/16");
    }

    @AfterAll
    void stop() {
        backend.close();
    }

    @Test
    void createAccount_whenAccountIdIsNotTwelveDigits_namesAwsAccountId() {
        assertFields(steps.createAccount(owner.token(), org, "a", "12345"), "awsAccountId");
    }

    @Test
    void putRole_whenArnIsMalformedOrInAnotherAccount_namesRoleArn() {
        Response created = steps.createAccount(owner.token(), org, "role-test", "210987654321");
        String id = created.json().path("id").asText();
        assertFields(steps.putRole(owner.token(), org, id, "arn:aws:iam::12:role"), "roleArn");
        Response other = steps.putRole(owner.token(), org, id, "arn:aws:iam::999999999999:role/lakesail-x");
        assertFields(other, "roleArn");
        assertTrue(other.json().path("error").path("details").get(0).path("message").asText().contains("999999999999"));
    }

    @Test
    void createNetwork_whenRegionIsUnknown_namesRegion() {
        assertFields(post("/networks", "{\"name\":\"n1\",\"cloudAccountId\":\"" + accountId
                + "\",\"region\":\"mars-north-1\",\"cidr\":\"10.1.0.0/16\"}"), "region");
    }

    @Test
    void createNetwork_whenRegionAndZonesAreLeftOut_namesOnlyTheRegionSinceZonesDefaultFromIt() {
        assertFields(post("/networks", "{\"name\":\"n1\",\"cloudAccountId\":\"" + accountId + "\",\"cidr\":\"10.1.0.0/16\"}"),
                "region");
    }

    @Test
    void createNetwork_whenCidrIsMalformedPublicOrOutOfRange_namesCidr() {
        for (String cidr : List.of("10.1.0.0/33", "10.1.0/16", "8.8.0.0/16", "10.1.0.0/12", "10.1.0.0/25", "10.1.0.1/16")) {
            assertFields(network("n2", cidr), "cidr");
        }
    }

    @Test
    void createNetwork_whenCidrOverlapsALiveNetworkOfTheAccountAndRegion_namesCidr() {
        Response overlapping = network("n3", "10.0.128.0/17");
        assertFields(overlapping, "cidr");
        assertTrue(overlapping.json().path("error").path("details").get(0).path("message").asText().contains(networkId));
    }

    @Test
    void createCluster_whenMinExceedsMax_namesTheSizes() {
        Response response = post("/clusters", "{\"name\":\"c1\",\"networkId\":\"" + networkId
                + "\",\"managementNodes\":{\"min\":4,\"desired\":3,\"max\":2}}");
        assertEquals(400, response.status(), response.toString());
        assertTrue(response.fields().contains("managementNodes.min"), response.toString());
    }

    @Test
    void createCluster_whenAllowlistCidrIsBad_namesTheEntry() {
        assertFields(post("/clusters", "{\"name\":\"c2\",\"networkId\":\"" + networkId
                + "\",\"accessPolicy\":{\"mode\":\"public\",\"allowedCidrs\":[\"203.0.113.0/24\",\"nope\"]}}"),
                "accessPolicy.allowedCidrs[1]");
        assertFields(post("/clusters", "{\"name\":\"c3\",\"networkId\":\"" + networkId
                + "\",\"accessPolicy\":{\"mode\":\"public\",\"allowedCidrs\":[]}}"), "accessPolicy.allowedCidrs");
    }

    @Test
    void createCatalog_whenConfigIsWrongForItsKind_namesTheConfigField() {
        assertFields(catalog("iceberg", "{\"location\":\"https://bucket/x\"}", null), "config.location");
        assertFields(catalog("delta", "{}", null), "config.location");
        assertFields(catalog("glue", "{\"catalogId\":\"12\",\"region\":\"us-east-1\"}", null), "config.catalogId");
        assertFields(catalog("hive_metastore", "{\"uri\":\"http://metastore:9083\"}", null), "config.uri");
        assertFields(catalog("managed", "{\"region\":\"us-east-1\"}", null), "cloudAccountId");
        assertFields(catalog("iceberg", "{\"location\":\"s3://acme/x\",\"uri\":\"thrift://h:1\"}", null), "config.uri");
        assertFields(catalog("orc", "{}", null), "kind");
    }

    @Test
    void createCatalog_whenKindIsMissingOrMistypedBesideAConfig_namesKindRatherThanFailing() {
        assertFields(post("/catalogs", "{\"name\":\"k1\",\"config\":{\"location\":\"s3://bucket-x/w\"}}"), "kind");
        assertFields(post("/catalogs", "{\"name\":\"k2\",\"kind\":null,\"config\":{}}"), "kind");
        assertFields(post("/catalogs", "{\"name\":\"k3\",\"kind\":5,\"config\":{}}"), "kind");
    }

    @Test
    void createCatalog_whenBringYourOwnNamesACloudAccount_namesCloudAccountId() {
        assertFields(catalog("iceberg", "{\"location\":\"s3://bucket-x/w\"}", accountId), "cloudAccountId");
    }

    @Test
    void delete_whenTheLifecycleForbidsIt_saysSoWithoutInternalNames() {
        String doomed = steps.activeNetwork(owner.token(), org, accountId, "doomed", "10.60.0.0/16");
        Response deleted = api.delete(InfraSteps.path(org, "/networks/" + doomed), owner.token());
        assertEquals(202, deleted.status(), deleted.toString());
        Response again = api.delete(InfraSteps.path(org, "/networks/" + doomed), owner.token());
        HttpApi.assertError(again, 409, "Conflict");
        String message = again.json().path("error").path("message").asText();
        assertTrue(message.startsWith("a network that is destroying cannot become destroying"), message);
    }

    @Test
    void createAccount_whenTheAwsAccountIsAlreadyConnected_conflictsNamingTheAccount() {
        Response again = steps.createAccount(owner.token(), org, "aws-again", InfraSteps.AWS_ACCOUNT);
        HttpApi.assertError(again, 409, "Conflict");
        assertTrue(again.json().path("error").path("message").asText().contains(accountId), again.toString());
    }

    @Test
    void create_whenNameIsTaken_conflicts() {
        HttpApi.assertError(network("taken", "10.50.0.0/16"), 409, "Conflict");
    }

    private Response network(String name, String cidr) {
        return post("/networks", "{\"name\":\"" + name + "\",\"cloudAccountId\":\"" + accountId
                + "\",\"region\":\"eu-west-1\",\"cidr\":\"" + cidr + "\"}");
    }

    private Response catalog(String kind, String config, String cloudAccountId) {
        return post("/catalogs", "{\"name\":\"cat\",\"kind\":\"" + kind + "\",\"config\":" + config
                + (cloudAccountId == null ? "" : ",\"cloudAccountId\":\"" + cloudAccountId + "\"") + "}");
    }

    private Response post(String rest, String body) {
        return api.post(InfraSteps.path(org, rest), owner.token(), body);
    }

    /** A 400 naming these fields and no other (a field may carry several messages). */
    private static void assertFields(Response response, String... fields) {
        HttpApi.assertError(response, 400, "ValidationError");
        assertEquals(Set.of(fields), Set.copyOf(response.fields()), response.toString());
    }
}
