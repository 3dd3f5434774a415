package com.lakesail.backend.domain.infra;

import com.lakesail.backend.domain.Validator;
import java.util.List;

/**
 * A validated cluster request.
 *
 * <pre>{@code
 * ClusterDefinition d = ClusterDefinition.validate("prod", "net_1",
 *     ManagementNodes.DEFAULT.merge(null, null, 3, 5, null), "public", List.of("203.0.113.0/24"));
 * }</pre>
 */
public record ClusterDefinition(String name, String networkId, ManagementNodes managementNodes, AccessPolicy accessPolicy) {

    /**
     * @param nodes      the requested sizes over the defaults (see {@link ManagementNodes#merge})
     * @param accessMode null means private
     * @throws com.lakesail.backend.domain.ValidationException naming every bad field
     */
    public static ClusterDefinition validate(String name, String networkId, ManagementNodes nodes,
                                             String accessMode, List<String> allowedCidrs) {
        Validator v = new Validator();
        v.name("name", name);
        v.require(networkId != null && !networkId.isBlank(), "networkId", "is required");
        nodes.validate(v, "managementNodes");
        AccessPolicy access = accessMode == null && (allowedCidrs == null || allowedCidrs.isEmpty())
                ? AccessPolicy.privateOnly()
                : AccessPolicy.from(v, "accessPolicy", accessMode, allowedCidrs);
        v.throwIfInvalid();
        return new ClusterDefinition(name, networkId, nodes, access);
    }
}
