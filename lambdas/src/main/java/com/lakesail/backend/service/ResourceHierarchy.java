package com.lakesail.backend.service;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Where a resource lives, for scoped role bindings: a binding scoped to a resource covers it and
 * everything under it (a binding on a network covers its clusters). Resources with a parent plug in
 * here as they arrive (cloud account → network → cluster, say), typically by reading the parent ids
 * the resource's own item carries.
 *
 * <pre>{@code
 * List<String> chain = hierarchy.ancestors(orgId, "clu_...");   // ["net_...", "cac_..."]
 * }</pre>
 */
@FunctionalInterface
public interface ResourceHierarchy {

    /**
     * The resources that contain {@code resourceId}, nearest first, not counting the organization
     * itself (which contains everything); empty for top-level resources and for unknown ids.
     */
    List<String> ancestors(String orgId, String resourceId);

    /**
     * True when {@code resourceId} names a live resource of the organization that this hierarchy
     * knows (teams are known to the access snapshot itself), so a role binding may be scoped to it.
     */
    default boolean contains(String orgId, String resourceId) {
        return false;
    }

    /**
     * The hierarchies of several areas as one: each knows its own kinds of id and answers nothing
     * for the others, so the answers are concatenated.
     */
    static ResourceHierarchy of(Collection<? extends ResourceHierarchy> areas) {
        List<ResourceHierarchy> all = List.copyOf(areas);
        return new ResourceHierarchy() {
            @Override
            public List<String> ancestors(String orgId, String resourceId) {
                List<String> chain = new ArrayList<>();
                all.forEach(h -> chain.addAll(h.ancestors(orgId, resourceId)));
                return chain;
            }

            @Override
            public boolean contains(String orgId, String resourceId) {
                return all.stream().anyMatch(h -> h.contains(orgId, resourceId));
            }
        };
    }
}
