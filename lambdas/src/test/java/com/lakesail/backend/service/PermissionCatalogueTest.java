package com.lakesail.backend.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lakesail.backend.domain.BuiltInRole;
import com.lakesail.backend.domain.Permission;
import com.lakesail.backend.testing.InMemoryStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The catalogue guards every route exactly once, and the built-in roles are what their Javadoc says. */
class PermissionCatalogueTest {
    /** Areas whose routes exist now: every area of the catalogue. */
    private static final Set<String> BUILT = Set.of("organizations", "audit", "access", "members", "invitations", "teams",
            "roles", "role-bindings", "cloud-accounts", "networks", "clusters", "catalogs", "jobs", "job-runs", "queries",
            "sessions");

    private final Set<String> routed = AccessGraph.over(new InMemoryStore(), Clock.systemUTC()).api().router().routes().stream()
            .map(r -> r.method() + " " + r.template()).collect(Collectors.toSet());

    @Test
    void router_whenItHasARoute_theCatalogueOrTheCallerRoutesGuardIt() {
        Set<String> guarded = new HashSet<>(Permission.CALLER_ROUTES);
        guarded.addAll(Permission.CALLBACK_ROUTES);
        for (Permission p : Permission.values()) {
            guarded.addAll(p.routes());
        }
        Set<String> unguarded = new HashSet<>(routed);
        unguarded.removeAll(guarded);
        assertEquals(Set.of(), unguarded);
    }

    @Test
    void catalogue_whenAreaIsBuilt_everyRouteOfItIsRouted() {
        List<String> missing = new ArrayList<>();
        for (Permission p : Permission.values()) {
            if (BUILT.contains(p.resource())) {
                p.routes().stream().filter(r -> !routed.contains(r)).forEach(missing::add);
            }
        }
        missing.addAll(Permission.CALLER_ROUTES.stream().filter(r -> !routed.contains(r)).toList());
        missing.addAll(Permission.CALLBACK_ROUTES.stream().filter(r -> !routed.contains(r)).toList());
        assertEquals(List.of(), missing);
    }

    @Test
    void catalogue_whenRoutesAreListed_eachAppearsOnceAndPermissionsParseBack() {
        List<String> all = new ArrayList<>(Permission.CALLER_ROUTES);
        all.addAll(Permission.CALLBACK_ROUTES);
        for (Permission p : Permission.values()) {
            assertEquals(p, Permission.parse(p.wire()));
            assertTrue(p.wire().matches("[a-z-]+:[a-z-]+"), p.wire());
            all.addAll(p.routes());
        }
        assertEquals(all.size(), new HashSet<>(all).size(), "a route guarded twice");
    }

    @Test
    void builtInRoles_whenCompared_nestAsDocumented() {
        assertEquals(EnumSet.allOf(Permission.class), BuiltInRole.OWNER.permissions());
        assertEquals(EnumSet.complementOf(EnumSet.of(Permission.ORGANIZATIONS_UPDATE)), BuiltInRole.ADMIN.permissions());
        assertTrue(BuiltInRole.ANALYST.permissions().containsAll(BuiltInRole.VIEWER.permissions()));
        assertTrue(BuiltInRole.DEVELOPER.permissions().containsAll(BuiltInRole.ANALYST.permissions()));
        assertTrue(BuiltInRole.INFRA_ADMIN.permissions().containsAll(BuiltInRole.VIEWER.permissions()));
        assertTrue(BuiltInRole.INFRA_ADMIN.grants(Permission.CLUSTERS_CREATE));
        assertFalse(BuiltInRole.DEVELOPER.grants(Permission.CLUSTERS_CREATE));
        assertTrue(BuiltInRole.DEVELOPER.grants(Permission.JOBS_RUN));
        assertFalse(BuiltInRole.ANALYST.grants(Permission.JOBS_RUN));
        assertFalse(BuiltInRole.ANALYST.grants(Permission.JOBS_CREATE));
        assertTrue(BuiltInRole.ANALYST.grants(Permission.JOB_RUNS_READ));
        assertFalse(BuiltInRole.ANALYST.grants(Permission.JOB_RUNS_CANCEL));
        assertTrue(BuiltInRole.DEVELOPER.grants(Permission.JOB_RUNS_CANCEL));
        assertTrue(BuiltInRole.ANALYST.grants(Permission.SESSIONS_EXECUTE));
        for (Permission p : BuiltInRole.VIEWER.permissions()) {
            assertEquals("read", p.action(), p.wire());
        }
        assertFalse(BuiltInRole.VIEWER.grants(Permission.AUDIT_READ));
        assertFalse(BuiltInRole.INFRA_ADMIN.grants(Permission.MEMBERS_DELETE));
    }
}
