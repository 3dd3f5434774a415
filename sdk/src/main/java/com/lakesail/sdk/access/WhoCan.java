package com.lakesail.sdk.access;

import java.util.List;

/**
 * The answer to who may perform an action on a resource.
 *
 * @param action the permission asked about
 * @param resource the resource (the organization's id when none was named)
 * @param members the members who may, each with its paths
 */
public record WhoCan(String action, String resource, List<AccessHolder> members) {

    public WhoCan {
        members = members == null ? List.of() : List.copyOf(members);
    }
}
