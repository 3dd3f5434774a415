package com.lakesail.backend.service.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lakesail.backend.service.workflow.WorkflowStart;
import org.junit.jupiter.api.Test;

/** What a lifecycle operation asks of its state machine: a deterministic name and the input its tasks read. */
class InfraWorkflowsTest {
    private final InfraWorkflows workflows = new InfraWorkflows(new InfraWorkflows.Polling(20));

    @Test
    void request_whenAStackIsWaitedOn_namesTheOperationAndBoundsThePolls() throws Exception {
        WorkflowStart start = workflows.request(InfraWorkflows.CLUSTER_PROVISION, "org_1", "clusterId", "clu_1", "provision", 1);

        assertEquals("org_1", start.orgId());
        assertEquals(InfraWorkflows.CLUSTER_PROVISION, start.stateMachine());
        assertEquals("clu_1-provision-1", start.executionName());
        JsonNode input = new ObjectMapper().readTree(start.input());
        assertEquals("org_1", input.path("orgId").asText());
        assertEquals("clu_1", input.path("clusterId").asText());
        assertEquals(1, input.path("generation").asLong());
        assertEquals(20, input.path("pollSeconds").asInt());
        assertEquals(180, input.path("maxPolls").asInt(), "an hour of 20 s polls");
    }

    @Test
    void request_whenNothingIsWaitedOn_carriesNoPolling() throws Exception {
        WorkflowStart start = workflows.request(InfraWorkflows.CLOUD_ACCOUNT_VERIFY, "org_1", "cloudAccountId", "cac_1",
                "verify", 4);

        assertEquals("cac_1-verify-4", start.executionName());
        assertEquals("{\"orgId\":\"org_1\",\"cloudAccountId\":\"cac_1\",\"generation\":4}", start.input());
    }
}
