package com.lakesail.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.lakesail.local.AccessSteps.Joined;
import com.lakesail.local.HttpApi.Account;
import com.lakesail.local.HttpApi.Response;
import com.lakesail.local.workflow.ManualClock;
import com.lakesail.backend.api.Route;
import com.lakesail.backend.domain.Permission;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Who may build infrastructure: built-in roles, and role bindings scoped to a network. */
class LocalBackendInfraAccessTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
    private LocalBackend backend;
    private InfraSteps steps;
    private AccessSteps access;
    private Account owner;
    private String org;
    private String accountId;

    @BeforeEach
    void start() {
        backend = LocalBackend.builder().port(0).inMemory().clock(clock).workflowWorkers(0).start();
        steps = new InfraSteps(backend, clock);
        access = new AccessSteps(steps.api());
        owner = steps.api().signup();
        org = owner.organizationId();
        accountId = steps.activeAccount(owner.token(), org, "aws");
    }

    @AfterEach
    void stop() {
        backend.close();
    }

    @Test
    void router_whenInfrastructureRoutesAreListed_eachIsCataloguedAndEveryCataloguedOneIsRouted() {
        Set<String> infra = Set.of("cloud-accounts", "networks", "clusters", "catalogs");
        Set<String> catalogued = new TreeSet<>();
        for (Permission p : Permission.values()) {
            if (infra.contains(p.resource())) {
                catalogued.addAll(p.routes());
            }
        }
        Set<String> routed = new TreeSet<>();
        for (Route route : backend.api().router().routes()) {
            String template = route.template();
            if (infra.stream().anyMatch(area -> template.startsWith("/v1/orgs/{orgId}/" + area))) {
                routed.add(route.method() + " " + template);
            }
        }
        assertEquals(catalogued, routed);
    }

    @Test
    void createCluster_whenCallerIsAnAnalyst_isDeniedButMayRead() {
        String networkId = steps.activeNetwork(owner.token(), org, accountId, "net", "10.0.0.0/16");
        Joined analyst = access.join(owner, org, "analyst");
        HttpApi.assertError(steps.createCluster(analyst.token(), org, networkId, "c"), 403, "AccessDenied");
        HttpApi.assertError(steps.createNetwork(analyst.token(), org, accountId, "n2", "10.1.0.0/16"), 403, "AccessDenied");
        assertEquals(200, steps.api().get(InfraSteps.path(org, "/networks/" + networkId), analyst.token()).status());
    }

    @Test
    void createCluster_whenInfraAdminIsScopedToNetworkA_succeedsInAAndIsDeniedInB() {
        String networkA = steps.activeNetwork(owner.token(), org, accountId, "a", "10.0.0.0/16");
        String networkB = steps.activeNetwork(owner.token(), org, accountId, "b", "10.1.0.0/16");
        Joined admin = access.join(owner, org, "viewer");
        Response bound = access.bind(owner, org, "infra-admin", "member", admin.memberId(), networkA);
        assertEquals(201, bound.status(), bound.toString());

        Response inA = steps.createCluster(admin.token(), org, networkA, "in-a");
        assertEquals(201, inA.status(), inA.toString());
        HttpApi.assertError(steps.createCluster(admin.token(), org, networkB, "in-b"), 403, "AccessDenied");
        steps.settle();
        String clusterId = inA.json().path("id").asText();
        assertEquals(202, steps.api().delete(InfraSteps.path(org, "/clusters/" + clusterId), admin.token()).status(),
                "the binding on the network covers the clusters in it");
        HttpApi.assertError(steps.api().delete(InfraSteps.path(org, "/networks/" + networkB), admin.token()), 403, "AccessDenied");
    }
}
