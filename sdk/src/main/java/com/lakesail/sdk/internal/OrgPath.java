package com.lakesail.sdk.internal;

import com.lakesail.sdk.exception.SdkClientException;

/** Paths below {@code /v1/orgs/{orgId}} for services that act in the client's organization. */
final class OrgPath {
    private final String organizationId;

    OrgPath(String organizationId) {
        this.organizationId = organizationId;
    }

    /** {@code /v1/orgs/{orgId}/a/b}, each segment encoded. */
    String of(String... segments) {
        if (organizationId == null) {
            throw new SdkClientException("this client has no organization: set one with "
                    + "LakeSail.builder().organization(...) or withOrganization(...)");
        }
        String[] all = new String[segments.length + 3];
        all[0] = "v1";
        all[1] = "orgs";
        all[2] = organizationId;
        System.arraycopy(segments, 0, all, 3, segments.length);
        return ApiRequest.path(all);
    }
}
