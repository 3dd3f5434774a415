package com.lakesail.backend.aws;

import com.lakesail.backend.port.InfraStacks;
import com.lakesail.backend.port.RoleSetup;
import com.lakesail.backend.port.RoleSetups;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@link RoleSetups} for AWS: {@code customer-role.yaml}, the parameters that make it trust the
 * control plane with this account's ExternalId, and, when the template is published, a console
 * quick-create link with them filled in. No AWS call, so the API function builds no client for it.
 *
 * <pre>{@code
 * RoleSetups setups = new CustomerRoleSetups("arn:aws:iam::999999999999:role/lakesail-tasks", templateUrl);
 * }</pre>
 */
public final class CustomerRoleSetups implements RoleSetups {
    private static final String QUICK_CREATE = "https://console.aws.amazon.com/cloudformation/home#/stacks/quickcreate";

    private final String templateBody = CloudFormationTemplates.load(CloudFormationTemplates.CUSTOMER_ROLE);
    private final String controlPlanePrincipalArn;
    private final String roleTemplateUrl;

    /**
     * @param controlPlanePrincipalArn the role customer roles trust (the workflow task function's role)
     * @param roleTemplateUrl          where {@code customer-role.yaml} is published for console quick-create links, or null
     */
    public CustomerRoleSetups(String controlPlanePrincipalArn, String roleTemplateUrl) {
        this.controlPlanePrincipalArn = controlPlanePrincipalArn;
        this.roleTemplateUrl = roleTemplateUrl;
    }

    @Override
    public RoleSetup roleSetup(String cloudAccountId, String externalId) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("RoleName", InfraStacks.stackName(cloudAccountId));
        parameters.put("ExternalId", externalId);
        parameters.put("ControlPlanePrincipalArn", controlPlanePrincipalArn);
        String link = null;
        if (roleTemplateUrl != null) {
            StringBuilder url = new StringBuilder(QUICK_CREATE).append("?templateURL=").append(encode(roleTemplateUrl))
                    .append("&stackName=").append(encode(parameters.get("RoleName")));
            parameters.forEach((k, v) -> url.append("&param_").append(k).append('=').append(encode(v)));
            link = url.toString();
        }
        return new RoleSetup(templateBody, parameters, link);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
