package com.lakesail.backend.port;

/**
 * What a customer needs to create the cross-account role of a cloud account. Apart from
 * {@link CloudProvider} because the API answers it on every read of an account and needs no cloud
 * SDK for it: it is a template and a few parameters.
 */
public interface RoleSetups {

    /**
     * The template, parameters and console link a customer uses to create the cross-account role.
     * The role is named after the cloud account ({@code lakesail-cac-...}), so one AWS account can
     * be connected to several organizations.
     */
    RoleSetup roleSetup(String cloudAccountId, String externalId);
}
