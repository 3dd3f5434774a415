package com.lakesail.backend.domain.infra;

import com.lakesail.backend.domain.Validator;
import com.lakesail.backend.domain.Wire;
import java.util.List;

/**
 * Reachability of the cluster endpoint. Public access always names its sources: there is no
 * implicit {@code 0.0.0.0/0}, a caller who wants the world writes it.
 */
public record AccessPolicy(AccessMode mode, List<String> allowedCidrs) {
    /** EKS accepts at most this many public access CIDRs. */
    public static final int MAX_ALLOWED_CIDRS = 40;

    public AccessPolicy {
        allowedCidrs = allowedCidrs == null ? List.of() : List.copyOf(allowedCidrs);
    }

    public static AccessPolicy privateOnly() {
        return new AccessPolicy(AccessMode.PRIVATE, List.of());
    }

    /**
     * Parses the wire form ({@code {mode: "public", allowedCidrs: [...]}}), adding a field error per
     * problem.
     *
     * @return the policy, or null when {@code mode} is not one
     */
    public static AccessPolicy from(Validator v, String field, String mode, List<String> allowedCidrs) {
        AccessMode parsed = Wire.parse(AccessMode.class, mode);
        if (parsed == null) {
            v.require(false, field + ".mode", mode == null ? "is required" : "must be private or public");
            return null;
        }
        AccessPolicy policy = new AccessPolicy(parsed, allowedCidrs);
        policy.validate(v, field);
        return policy;
    }

    public void validate(Validator v, String field) {
        if (mode == AccessMode.PRIVATE) {
            v.require(allowedCidrs.isEmpty(), field + ".allowedCidrs", "must be empty when mode is private");
            return;
        }
        v.require(!allowedCidrs.isEmpty(), field + ".allowedCidrs", "must list at least one CIDR when mode is public");
        v.require(allowedCidrs.size() <= MAX_ALLOWED_CIDRS, field + ".allowedCidrs",
                "must list at most " + MAX_ALLOWED_CIDRS + " CIDRs");
        for (int i = 0; i < allowedCidrs.size(); i++) {
            String entry = field + ".allowedCidrs[" + i + "]";
            try {
                Ipv4Cidr cidr = Ipv4Cidr.parse(allowedCidrs.get(i));
                v.require(cidr.isCanonical(), entry, "must be a network address: did you mean " + cidr.canonical() + "?");
            } catch (IllegalArgumentException e) {
                v.require(false, entry, e.getMessage());
            }
        }
    }
}
