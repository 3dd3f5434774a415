package com.lakesail.backend.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lakesail.backend.port.RoleSetup;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CustomerRoleSetupsTest {
    private static final String CONTROL_PLANE = "arn:aws:iam::999999999999:role/lakesail-tasks";

    private final CustomerRoleSetups setups = new CustomerRoleSetups(CONTROL_PLANE,
            "https://lakesail-public.s3.amazonaws.com/customer-role.yaml");

    @Test
    void roleSetup_whenTemplatePublished_linksToQuickCreateWithParameters() {
        RoleSetup setup = setups.roleSetup("cac_abc", "ext-123");

        assertEquals(CloudFormationTemplates.load(CloudFormationTemplates.CUSTOMER_ROLE), setup.templateBody());
        assertEquals(Map.of("RoleName", "lakesail-cac-abc", "ExternalId", "ext-123", "ControlPlanePrincipalArn", CONTROL_PLANE),
                setup.parameters());
        assertTrue(setup.quickCreateUrl().startsWith("https://console.aws.amazon.com/cloudformation/home#/stacks/quickcreate?"
                + "templateURL=https%3A%2F%2Flakesail-public.s3.amazonaws.com%2Fcustomer-role.yaml&stackName=lakesail-cac-abc"),
                setup.quickCreateUrl());
        assertTrue(setup.quickCreateUrl().contains("&param_ExternalId=ext-123"));
        assertTrue(setup.quickCreateUrl().contains("&param_ControlPlanePrincipalArn=arn%3Aaws%3Aiam%3A%3A999999999999%3Arole%2Flakesail-tasks"));
    }

    @Test
    void roleSetup_whenTemplateNotPublished_hasNoLink() {
        assertNull(new CustomerRoleSetups(CONTROL_PLANE, null).roleSetup("cac_abc", "ext-123").quickCreateUrl());
    }
}
