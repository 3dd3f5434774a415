package com.lakesail.backend.port;

import java.util.Map;

/**
 * What a customer needs to create the cross-account role: the CloudFormation template, the
 * parameter values for their account, and where the template is hosted, a console link that opens
 * it with those values filled in.
 *
 * @param quickCreateUrl null when the template is not hosted anywhere a console can fetch it from
 */
public record RoleSetup(String templateBody, Map<String, String> parameters, String quickCreateUrl) {
    public RoleSetup {
        parameters = Map.copyOf(parameters);
    }
}
