package com.lakesail.backend.api;

import com.lakesail.backend.domain.ValidationException;
import com.lakesail.backend.port.Page;
import com.lakesail.backend.service.infra.CatalogService;
import com.lakesail.backend.service.infra.CloudAccountService;
import com.lakesail.backend.service.infra.ClusterService;
import com.lakesail.backend.service.infra.NetworkService;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.inject.Inject;

/**
 * The routes of cloud accounts, networks, clusters and catalogs (their permissions are in the
 * catalogue, {@link com.lakesail.backend.domain.Permission}). Each parses its body strictly and
 * calls one service operation.
 */
public final class InfraRoutes implements RouteGroup {
    private static final String ORG = "/v1/orgs/{orgId}";
    /** The keys of a catalog's {@code config}, per kind; all of them when the kind is not one. */
    private static final Map<String, List<String>> CONFIG_KEYS = Map.of(
            "iceberg", List.of("location"), "delta", List.of("location"), "glue", List.of("catalogId", "region"),
            "hive_metastore", List.of("uri"), "managed", List.of("region"));
    private static final List<String> ALL_CONFIG_KEYS = List.of("location", "catalogId", "region", "uri");
    private static final String ROLE_TEMPLATE = "roleTemplate";

    private final CloudAccountService accounts;
    private final NetworkService networks;
    private final ClusterService clusters;
    private final CatalogService catalogs;

    @Inject
    public InfraRoutes(CloudAccountService accounts, NetworkService networks, ClusterService clusters,
                       CatalogService catalogs) {
        this.accounts = accounts;
        this.networks = networks;
        this.clusters = clusters;
        this.catalogs = catalogs;
    }

    @Override
    public void addTo(Router router) {
        cloudAccounts(router);
        networks(router);
        clusters(router);
        catalogs(router);
    }

    private void cloudAccounts(Router router) {
        String one = ORG + "/cloud-accounts/{cloudAccountId}";
        router.add(Route.create(ORG + "/cloud-accounts", call -> {
                    boolean template = includesRoleTemplate(call);
                    Body body = call.body();
                    String name = body.string("name");
                    String awsAccountId = body.string("awsAccountId");
                    body.done();
                    return account(template, accounts.create(call.principal(), call.path("orgId"), name, awsAccountId,
                            call.idempotency()));
                }))
                .add(Route.get(ORG + "/cloud-accounts", call -> {
                    boolean template = includesRoleTemplate(call);
                    Page<CloudAccountService.Details> page = accounts.list(call.principal(), call.path("orgId"), call.page());
                    return template ? new Page<>(page.items().stream().map(d -> account(true, d)).toList(), page.nextToken()) : page;
                }))
                .add(Route.get(one, call -> {
                    boolean template = includesRoleTemplate(call);
                    return account(template, accounts.get(call.principal(), call.path("orgId"), call.path("cloudAccountId")));
                }))
                .add(new Route("PUT", one + "/role", true, false, call -> {
                    boolean template = includesRoleTemplate(call);
                    return account(template, accounts.setRole(call.principal(), call.path("orgId"), call.path("cloudAccountId"),
                            () -> {
                                Body body = call.body();
                                CloudAccountService.SetRole request = new CloudAccountService.SetRole(body.string("roleArn"),
                                        body.int64("version"));
                                body.done();
                                return request;
                            }));
                }))
                .add(new Route("POST", one + "/verify", true, false, call -> {
                    boolean template = includesRoleTemplate(call);
                    return new Accepted(account(template, accounts.verify(call.principal(), call.path("orgId"),
                            call.path("cloudAccountId"))));
                }))
                .add(Route.delete(one, call -> {
                    accounts.delete(call.principal(), call.path("orgId"), call.path("cloudAccountId"));
                    return null;
                }));
    }

    /**
     * {@code ?include=roleTemplate}: the role's CloudFormation template (some 11 KB) travels only when
     * asked for, not in every read of an account.
     */
    private static boolean includesRoleTemplate(Call call) {
        String include = call.query("include");
        if (include != null && !include.equals(ROLE_TEMPLATE)) {
            throw ValidationException.of("include", "must be " + ROLE_TEMPLATE);
        }
        return include != null;
    }

    private static Object account(boolean withRoleTemplate, CloudAccountService.Details details) {
        return withRoleTemplate ? new InfraViews.WithRoleTemplate(details) : details;
    }

    private void networks(Router router) {
        String one = ORG + "/networks/{networkId}";
        router.add(Route.create(ORG + "/networks", call -> {
                    Body body = call.body();
                    NetworkService.Create request = new NetworkService.Create(body.string("name"),
                            body.string("cloudAccountId"), body.string("region"), body.string("cidr"),
                            body.strings("availabilityZones"));
                    body.done();
                    return networks.create(call.principal(), call.path("orgId"), request, call.idempotency());
                }))
                .add(Route.get(ORG + "/networks", call -> networks.list(call.principal(), call.path("orgId"),
                        call.query("cloudAccountId"), call.page())))
                .add(Route.get(one, call -> networks.get(call.principal(), call.path("orgId"), call.path("networkId"))))
                .add(Route.delete(one, call -> new Accepted(
                        networks.delete(call.principal(), call.path("orgId"), call.path("networkId")))));
    }

    private void clusters(Router router) {
        String one = ORG + "/clusters/{clusterId}";
        router.add(Route.create(ORG + "/clusters", call -> {
                    Body body = call.body();
                    String name = body.string("name");
                    String networkId = body.string("networkId");
                    ClusterService.Nodes nodes = nodes(body);
                    ClusterService.Access access = access(body);
                    body.done();
                    return clusters.create(call.principal(), call.path("orgId"),
                            new ClusterService.Create(name, networkId, nodes, access), call.idempotency());
                }))
                .add(Route.get(ORG + "/clusters", call -> clusters.list(call.principal(), call.path("orgId"),
                        call.query("networkId"), call.page())))
                .add(Route.get(one, call -> clusters.get(call.principal(), call.path("orgId"), call.path("clusterId"))))
                .add(Route.patch(one, call -> clusters.update(call.principal(), call.path("orgId"), call.path("clusterId"),
                        () -> {
                            Body body = call.body();
                            ClusterService.Update request = new ClusterService.Update(nodes(body), access(body),
                                    body.int64("version"));
                            body.done();
                            return request;
                        })))
                .add(Route.delete(one, call -> new Accepted(
                        clusters.delete(call.principal(), call.path("orgId"), call.path("clusterId")))));
    }

    private void catalogs(Router router) {
        String one = ORG + "/catalogs/{catalogId}";
        router.add(Route.create(ORG + "/catalogs", call -> {
                    Body body = call.body();
                    String name = body.string("name");
                    String kind = body.string("kind");
                    Body config = body.object("config");
                    Map<String, Object> values = new LinkedHashMap<>();
                    if (config != null) {
                        for (String key : kind == null ? ALL_CONFIG_KEYS : CONFIG_KEYS.getOrDefault(kind, ALL_CONFIG_KEYS)) {
                            values.put(key, config.string(key));
                        }
                    }
                    String cloudAccountId = body.string("cloudAccountId");
                    body.done();
                    return catalogs.create(call.principal(), call.path("orgId"),
                            new CatalogService.Create(name, kind, values, cloudAccountId), call.idempotency());
                }))
                .add(Route.get(ORG + "/catalogs", call -> catalogs.list(call.principal(), call.path("orgId"), call.page())))
                .add(Route.get(one, call -> catalogs.get(call.principal(), call.path("orgId"), call.path("catalogId"))))
                .add(Route.delete(one, call -> catalogs.delete(call.principal(), call.path("orgId"), call.path("catalogId"))
                        .<Object>map(Accepted::new).orElse(null)));
    }

    private static ClusterService.Nodes nodes(Body body) {
        Body nodes = body.object("managementNodes");
        if (nodes == null) {
            return ClusterService.Nodes.UNCHANGED;
        }
        return new ClusterService.Nodes(nodes.string("instanceType"), nodes.int32("min"), nodes.int32("desired"),
                nodes.int32("max"), nodes.int32("diskGiB"));
    }

    private static ClusterService.Access access(Body body) {
        Body access = body.object("accessPolicy");
        if (access == null) {
            return ClusterService.Access.ABSENT;
        }
        return new ClusterService.Access(true, access.string("mode"), access.strings("allowedCidrs"));
    }
}
