package com.lakesail.backend.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lakesail.backend.domain.Wire;
import com.lakesail.backend.domain.infra.AccessPolicy;
import com.lakesail.backend.domain.infra.Catalog;
import com.lakesail.backend.domain.infra.CatalogConfigs;
import com.lakesail.backend.domain.infra.CloudAccount;
import com.lakesail.backend.domain.infra.Cluster;
import com.lakesail.backend.domain.infra.ManagementNodes;
import com.lakesail.backend.domain.infra.Network;
import com.lakesail.backend.domain.infra.Stage;
import com.lakesail.backend.domain.infra.Subnet;
import com.lakesail.backend.port.RoleSetup;
import com.lakesail.backend.service.infra.CloudAccountService;
import java.time.Instant;

/**
 * Cloud accounts, networks, clusters and catalogs as the REST contract shows them (a cloud
 * account's role template only when asked for). Every one carries {@code id, name, status, statusReason, stage, progress, createdAt, updatedAt, version};
 * absent values are JSON nulls, so a client sees every field of the contract.
 */
final class InfraViews {
    private InfraViews() {
    }

    /** A cloud account shown with its role template ({@code ?include=roleTemplate}). */
    record WithRoleTemplate(CloudAccountService.Details details) {
    }

    static boolean handles(Object result) {
        return result instanceof CloudAccountService.Details || result instanceof WithRoleTemplate || result instanceof Network || result instanceof Cluster
                || result instanceof Catalog;
    }

    static JsonNode render(Object result) {
        if (result instanceof CloudAccountService.Details details) {
            return cloudAccount(details, false);
        } else if (result instanceof WithRoleTemplate with) {
            return cloudAccount(with.details(), true);
        } else if (result instanceof Network network) {
            return network(network);
        } else if (result instanceof Cluster cluster) {
            return cluster(cluster);
        }
        return catalog((Catalog) result);
    }

    private static ObjectNode cloudAccount(CloudAccountService.Details details, boolean withRoleTemplate) {
        CloudAccount a = details.account();
        ObjectNode node = Json.object().put("id", a.id()).put("name", a.name()).put("awsAccountId", a.awsAccountId())
                .put("externalId", a.externalId()).put("roleArn", a.roleArn());
        RoleSetup setup = details.roleSetup();
        if (withRoleTemplate) {
            ObjectNode template = node.putObject("roleTemplate").put("templateBody", setup.templateBody());
            ObjectNode parameters = template.putObject("parameters");
            setup.parameters().forEach(parameters::put);
        }
        node.put("quickCreateUrl", setup.quickCreateUrl());
        if (a.verifiedAt() == null) {
            node.putNull("verifiedAt");
        } else {
            node.put("verifiedAt", a.verifiedAt().toString());
        }
        return lifecycle(node, Wire.name(a.status()), a.statusReason(), a.stage(), a.progress(), a.createdAt(),
                a.updatedAt(), a.version());
    }

    private static ObjectNode network(Network n) {
        ObjectNode node = Json.object().put("id", n.id()).put("name", n.name()).put("cloudAccountId", n.cloudAccountId())
                .put("region", n.region()).put("cidr", n.cidr());
        ArrayNode zones = node.putArray("availabilityZones");
        n.availabilityZones().forEach(zones::add);
        node.put("vpcId", n.vpcId());
        ArrayNode subnets = node.putArray("subnets");
        for (Subnet s : n.subnets()) {
            subnets.addObject().put("availabilityZone", s.availabilityZone()).put("kind", Wire.name(s.tier()))
                    .put("cidr", s.cidr()).put("subnetId", s.subnetId());
        }
        node.put("orphaned", n.orphaned());
        return lifecycle(node, Wire.name(n.status()), n.statusReason(), n.stage(), n.progress(), n.createdAt(),
                n.updatedAt(), n.version());
    }

    private static ObjectNode cluster(Cluster c) {
        ObjectNode node = Json.object().put("id", c.id()).put("name", c.name()).put("networkId", c.networkId());
        ManagementNodes m = c.managementNodes();
        node.putObject("managementNodes").put("instanceType", m.instanceType()).put("min", m.min())
                .put("desired", m.desired()).put("max", m.max()).put("diskGiB", m.diskGiB());
        AccessPolicy p = c.accessPolicy();
        ObjectNode access = node.putObject("accessPolicy").put("mode", Wire.name(p.mode()));
        ArrayNode cidrs = access.putArray("allowedCidrs");
        p.allowedCidrs().forEach(cidrs::add);
        // The cluster stack does not output its Kubernetes version, so it is not recorded yet.
        node.put("endpoint", c.endpoint()).putNull("kubernetesVersion").put("orphaned", c.orphaned());
        return lifecycle(node, Wire.name(c.status()), c.statusReason(), c.stage(), c.progress(), c.createdAt(),
                c.updatedAt(), c.version());
    }

    private static ObjectNode catalog(Catalog c) {
        ObjectNode node = Json.object().put("id", c.id()).put("name", c.name()).put("kind", Wire.name(c.kind()));
        ObjectNode config = node.putObject("config");
        CatalogConfigs.fields(c.config()).forEach(config::put);
        node.put("cloudAccountId", c.cloudAccountId()).put("warehouseLocation", c.warehouse());
        return lifecycle(node, Wire.name(c.status()), c.statusReason(), c.stage(), c.progress(), c.createdAt(),
                c.updatedAt(), c.version());
    }

    private static ObjectNode lifecycle(ObjectNode node, String status, String reason, Stage stage, int progress,
                                        Instant createdAt, Instant updatedAt, long version) {
        node.put("status", status).put("statusReason", reason).put("stage", stage == null ? null : Wire.name(stage))
                .put("progress", progress);
        return node.put("createdAt", createdAt.toString()).put("updatedAt", updatedAt.toString()).put("version", version);
    }
}
