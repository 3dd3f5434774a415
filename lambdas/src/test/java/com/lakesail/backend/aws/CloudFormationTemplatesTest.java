package com.lakesail.backend.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.lakesail.backend.agent.AgentHandler;
import com.lakesail.backend.agent.AgentSettings;
import com.lakesail.backend.domain.infra.Catalog;
import com.lakesail.backend.domain.infra.CatalogDefinition;
import com.lakesail.backend.domain.infra.Cluster;
import com.lakesail.backend.domain.infra.ClusterDefinition;
import com.lakesail.backend.domain.infra.ManagementNodes;
import com.lakesail.backend.domain.infra.Network;
import com.lakesail.backend.domain.infra.NetworkDefinition;
import com.lakesail.backend.domain.infra.NetworkStatus;
import com.lakesail.backend.domain.infra.Stage;
import com.lakesail.backend.domain.infra.Subnet;
import com.lakesail.backend.domain.infra.SubnetTier;
import com.lakesail.backend.kubernetes.Names;
import com.lakesail.backend.port.AccountAccess;
import com.lakesail.backend.port.InfraStacks;
import com.lakesail.backend.port.StackRequest;
import com.lakesail.backend.service.trigger.TriggerRules;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.event.ruler.Machine;

/** Reads each template as plain YAML and checks what the adapters and customers rely on. */
class CloudFormationTemplatesTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^!}][^}]*)}");
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final AccountAccess ACCESS = new AccountAccess("111122223333",
            "arn:aws:iam::111122223333:role/lakesail-cac-1", "ext");

    private static JsonNode template(String name) throws IOException {
        return YAML.readTree(CloudFormationTemplates.load(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"customer-role", "network", "cluster", "catalog", "s3-trigger"})
    void template_whenParsedAsPlainYaml_usesLongFormIntrinsicsOnly(String name) throws IOException {
        String text = CloudFormationTemplates.load(name);
        JsonNode t = template(name);

        assertEquals("2010-09-09", t.path("AWSTemplateFormatVersion").asText());
        assertTrue(t.path("Resources").size() > 0);
        assertFalse(Pattern.compile("![A-Z][A-Za-z]+").matcher(text).find(), "short-form tag in " + name);
        assertTrue(text.length() < 51_200, "TemplateBody limit");
    }

    @ParameterizedTest
    @ValueSource(strings = {"customer-role", "network", "cluster", "catalog", "s3-trigger"})
    void template_whenReferencing_namesOnlyDeclaredParametersResourcesAndConditions(String name) throws IOException {
        JsonNode t = template(name);
        Set<String> declared = new HashSet<>(Set.of("AWS::StackName", "AWS::AccountId", "AWS::Region", "AWS::Partition",
                "AWS::NoValue", "AWS::URLSuffix", "AWS::StackId"));
        t.path("Parameters").fieldNames().forEachRemaining(declared::add);
        t.path("Resources").fieldNames().forEachRemaining(declared::add);
        Set<String> conditions = new HashSet<>();
        t.path("Conditions").fieldNames().forEachRemaining(conditions::add);
        List<String> problems = new ArrayList<>();

        walk(t.path("Resources"), declared, conditions, problems);
        walk(t.path("Outputs"), declared, conditions, problems);
        walk(t.path("Conditions"), declared, conditions, problems);

        assertEquals(List.of(), problems);
    }

    @Test
    void customerRole_whenTrusting_allowsOnlyTheControlPlaneWithTheExternalId() throws IOException {
        JsonNode role = template("customer-role").path("Resources").path("AccessRole").path("Properties");
        JsonNode trust = role.path("AssumeRolePolicyDocument").path("Statement");

        assertEquals(1, trust.size());
        JsonNode statement = trust.get(0);
        assertEquals("Allow", statement.path("Effect").asText());
        assertEquals("sts:AssumeRole", statement.path("Action").asText());
        assertEquals(1, statement.path("Principal").size());
        assertEquals("ControlPlanePrincipalArn", statement.path("Principal").path("AWS").path("Ref").asText());
        assertEquals("ExternalId", statement.path("Condition").path("StringEquals").path("sts:ExternalId").path("Ref").asText());
        assertEquals("Boundary", role.path("PermissionsBoundary").path("Ref").asText());
        assertEquals("RoleName", role.path("RoleName").path("Ref").asText());
        assertTrue(template("customer-role").path("Parameters").path("RoleName").path("AllowedPattern").asText().startsWith("^lakesail-"));
    }

    @Test
    void customerRole_whenGranting_scopesEveryResourceToLakesailOrAConditionOrReadOnly() throws IOException {
        JsonNode statements = template("customer-role").path("Resources").path("AccessRole").path("Properties")
                .path("Policies").get(0).path("PolicyDocument").path("Statement");
        List<String> unscoped = new ArrayList<>();

        for (JsonNode s : statements) {
            assertEquals("Allow", s.path("Effect").asText());
            for (JsonNode resource : list(s.path("Resource"))) {
                String arn = resource.isTextual() ? resource.asText() : resource.path("Fn::Sub").asText();
                boolean scoped = arn.contains(":stack/lakesail-") || arn.contains("/lakesail-") || arn.contains(":::lakesail-")
                        || arn.contains("/lakesail_") || arn.endsWith(":catalog") || arn.contains(":function:lakesail-");
                boolean guarded = s.has("Condition");
                boolean readOnly = list(s.path("Action")).stream().allMatch(a -> a.asText().matches("ec2:Describe\\*|sts:GetCallerIdentity"));
                if (!(scoped || guarded || readOnly)) {
                    unscoped.add(s.path("Sid").asText() + " on " + arn);
                }
            }
        }

        assertEquals(List.of(), unscoped);
    }

    @Test
    void customerRole_whenCreatingRoles_requiresTheBoundaryAndForbidsRemovingIt() throws IOException {
        JsonNode t = template("customer-role").path("Resources");
        JsonNode statements = t.path("AccessRole").path("Properties").path("Policies").get(0).path("PolicyDocument").path("Statement");
        JsonNode createRole = null;
        for (JsonNode s : statements) {
            if (list(s.path("Action")).stream().anyMatch(a -> a.asText().equals("iam:CreateRole"))) {
                createRole = s;
            }
        }

        assertEquals("Boundary", createRole.path("Condition").path("StringEquals").path("iam:PermissionsBoundary").path("Ref").asText());
        JsonNode boundary = t.path("Boundary");
        assertEquals("AWS::IAM::ManagedPolicy", boundary.path("Type").asText());
        boolean deniesRemoval = false;
        for (JsonNode s : boundary.path("Properties").path("PolicyDocument").path("Statement")) {
            deniesRemoval |= s.path("Effect").asText().equals("Deny")
                    && list(s.path("Action")).stream().anyMatch(a -> a.asText().equals("iam:DeleteRolePermissionsBoundary"));
        }
        assertTrue(deniesRemoval);
    }

    @Test
    void customerRole_whenBounded_cannotWidenItselfNorReachDataBeyondLakesail() throws IOException {
        JsonNode statements = template("customer-role").path("Resources").path("Boundary").path("Properties")
                .path("PolicyDocument").path("Statement");
        boolean selfChangeDenied = false;
        for (JsonNode s : statements) {
            List<String> actions = list(s.path("Action")).stream().map(JsonNode::asText).toList();
            if (s.path("Effect").asText().equals("Deny") && actions.containsAll(List.of("iam:PutRolePolicy",
                    "iam:AttachRolePolicy", "iam:UpdateAssumeRolePolicy"))) {
                selfChangeDenied = s.path("Resource").path("Fn::Sub").asText().endsWith(":role/${RoleName}");
            }
            if (s.path("Effect").asText().equals("Allow") && actions.stream().anyMatch(a -> a.startsWith("s3:") || a.startsWith("glue:"))) {
                for (JsonNode resource : list(s.path("Resource"))) {
                    String arn = resource.path("Fn::Sub").asText(resource.asText());
                    assertTrue(arn.contains("lakesail") || arn.endsWith(":catalog"), "S3/Glue beyond lakesail: " + arn);
                }
            }
        }
        assertTrue(selfChangeDenied, "the boundary denies the access role changing its own policies and trust");
    }

    @Test
    void cluster_whenCreatingRoles_attachesTheBoundaryAndNamesThemLakesail() throws IOException {
        JsonNode resources = template("cluster").path("Resources");
        Set<String> roles = new TreeSet<>();
        for (Iterator<JsonNode> it = resources.elements(); it.hasNext(); ) {
            JsonNode r = it.next();
            if (r.path("Type").asText().equals("AWS::IAM::Role")) {
                assertEquals("PermissionsBoundaryArn", r.path("Properties").path("PermissionsBoundary").path("Ref").asText());
                String name = r.path("Properties").path("RoleName").path("Fn::Sub").asText();
                assertTrue(name.startsWith("${ClusterName}-"), name);
                roles.add(name);
            }
        }
        assertEquals(Set.of("${ClusterName}-cluster", "${ClusterName}-node", "${ClusterName}-agent", "${ClusterName}-workload"), roles);
        assertTrue(template("cluster").path("Parameters").path("ClusterName").path("AllowedPattern").asText().startsWith("^lakesail-"));
    }

    @Test
    void cluster_whenDeployingTheAgent_putsItInThePrivateSubnetsWithOnlyTheApiToReachAndItsCodeAndSettings() throws IOException {
        JsonNode resources = template("cluster").path("Resources");
        JsonNode agent = resources.path("Agent").path("Properties");

        assertEquals("AWS::Lambda::Function", resources.path("Agent").path("Type").asText());
        assertEquals(AgentClient.functionName("${ClusterName}"), agent.path("FunctionName").path("Fn::Sub").asText(),
                "the control plane invokes the agent by this name");
        assertEquals(AgentHandler.class.getName() + "::handleRequest", agent.path("Handler").asText());
        assertEquals("AgentCodeBucket", agent.path("Code").path("S3Bucket").path("Ref").asText());
        assertEquals("AgentCodeKey", agent.path("Code").path("S3Key").path("Ref").asText());
        assertEquals("SubnetIds", agent.path("VpcConfig").path("SubnetIds").path("Ref").asText(), "the network's private subnets");
        assertEquals("AgentSecurityGroup", agent.path("VpcConfig").path("SecurityGroupIds").get(0).path("Ref").asText());
        // The stack gives the agent every setting it reads (AgentSettings fails on any missing one).
        Map<String, String> environment = new java.util.HashMap<>();
        agent.path("Environment").path("Variables").fieldNames().forEachRemaining(v -> environment.put(v, "x"));
        environment.put("AWS_REGION", "eu-west-1");
        AgentSettings.from(environment);

        JsonNode egress = resources.path("AgentSecurityGroup").path("Properties").path("SecurityGroupEgress");
        assertEquals(1, egress.size(), "the agent reaches the cluster's API and nothing else");
        assertEquals(443, egress.get(0).path("FromPort").asInt());
        assertEquals(List.of("Cluster", "ClusterSecurityGroupId"), list(egress.get(0).path("DestinationSecurityGroupId")
                .path("Fn::GetAtt")).stream().map(JsonNode::asText).toList());
        JsonNode ingress = resources.path("ClusterApiFromAgent").path("Properties");
        assertEquals("AgentSecurityGroup", ingress.path("SourceSecurityGroupId").path("Ref").asText());
        assertEquals(443, ingress.path("ToPort").asInt());

        JsonNode access = resources.path("AgentAccess").path("Properties");
        assertEquals("AWS::EKS::AccessEntry", resources.path("AgentAccess").path("Type").asText());
        assertEquals("AgentRole", access.path("PrincipalArn").path("Fn::GetAtt").get(0).asText());
        assertEquals(1, access.path("AccessPolicies").size());
        assertTrue(list(resources.path("Agent").path("DependsOn")).stream().anyMatch(d -> d.asText().equals("AgentAccess")),
                "the agent exists only once it may act");
    }

    @Test
    void cluster_whenWorkloadsRun_theirServiceAccountsGetTheWorkloadRoleThroughPodIdentity() throws IOException {
        JsonNode resources = template("cluster").path("Resources");
        Set<String> accounts = new TreeSet<>();
        for (Iterator<JsonNode> it = resources.elements(); it.hasNext(); ) {
            JsonNode r = it.next();
            if (r.path("Type").asText().equals("AWS::EKS::PodIdentityAssociation")) {
                assertEquals(Names.WORKLOAD_NAMESPACE, r.path("Properties").path("Namespace").asText());
                assertEquals("WorkloadRole", r.path("Properties").path("RoleArn").path("Fn::GetAtt").get(0).asText());
                accounts.add(r.path("Properties").path("ServiceAccount").asText());
            }
        }
        assertEquals(Set.of(Names.SAIL_ACCOUNT, Names.RUNNER_ACCOUNT), accounts);
        assertEquals("eks-pod-identity-agent", resources.path("PodIdentityAgent").path("Properties").path("AddonName").asText());
    }

    @Test
    void customerRole_whenReachingClusters_mayInvokeOnlyLakesailFunctionsAndManageThemOnlyThroughStacks() throws IOException {
        JsonNode statements = template("customer-role").path("Resources").path("AccessRole").path("Properties")
                .path("Policies").get(0).path("PolicyDocument").path("Statement");
        boolean invokes = false;
        for (JsonNode s : statements) {
            List<String> actions = list(s.path("Action")).stream().map(JsonNode::asText).toList();
            if (actions.stream().noneMatch(a -> a.startsWith("lambda:"))) {
                continue;
            }
            assertEquals("arn:${AWS::Partition}:lambda:*:${AWS::AccountId}:function:lakesail-*",
                    s.path("Resource").path("Fn::Sub").asText(), s.toString());
            if (actions.equals(List.of("lambda:InvokeFunction"))) {
                invokes = true;
            } else {
                assertFalse(actions.contains("lambda:InvokeFunction"), s.toString());
                assertEquals(List.of("cloudformation.amazonaws.com"), list(s.path("Condition").path("ForAnyValue:StringEquals")
                        .path("aws:CalledVia")).stream().map(JsonNode::asText).toList(), "only the stacks manage functions: " + s);
            }
        }
        assertTrue(invokes, "the customer role may invoke the clusters' agents");
    }

    @Test
    void network_whenPrivateSubnetsReachOut_goThroughTheNatGatewaySoRunnersReachTheApi() throws IOException {
        JsonNode resources = template("network").path("Resources");
        JsonNode route = resources.path("PrivateDefaultRoute").path("Properties");

        assertEquals("0.0.0.0/0", route.path("DestinationCidrBlock").asText());
        assertEquals("NatGateway", route.path("NatGatewayId").path("Ref").asText());
        assertEquals("PrivateRouteTable", route.path("RouteTableId").path("Ref").asText());
        for (int zone = 1; zone <= 4; zone++) {
            JsonNode association = resources.path("PrivateSubnet" + zone + "Routes").path("Properties");
            assertEquals("PrivateSubnet" + zone, association.path("SubnetId").path("Ref").asText());
            assertEquals("PrivateRouteTable", association.path("RouteTableId").path("Ref").asText());
        }
    }

    @Test
    void stacks_whenBuiltByInfraStacks_supplyEveryRequiredParameterAndNothingUndeclared() throws IOException {
        Network network = Network.create("net_1", "org_1", NetworkDefinition.validate("prod", "cac_1", "eu-west-1",
                "10.0.0.0/16", List.of("eu-west-1a", "eu-west-1b")), T0);
        Network provisioned = network.moveTo(NetworkStatus.PROVISIONING, Stage.CREATE_STACK, null, T0).provisioned("vpc-1",
                network.subnets().stream().collect(Collectors.toMap(Subnet::cidr, s -> "subnet-" + s.cidr().hashCode())), T0);
        Cluster cluster = Cluster.create("clu_1", "org_1", ClusterDefinition.validate("c", "net_1", ManagementNodes.DEFAULT,
                null, null), T0);
        Catalog catalog = Catalog.create("cat_1", "org_1", CatalogDefinition.validate("m", "managed",
                Map.of("region", "eu-west-1"), "cac_1"), T0);

        assertParameters(InfraStacks.network(ACCESS, network, "t"), Set.of());
        // The adapter adds the boundary: it is AWS's business, not the workflow's.
        Set<String> addedByAdapter = new TreeSet<>(AgentRelease.PARAMETERS);
        addedByAdapter.add("PermissionsBoundaryArn");
        assertParameters(InfraStacks.cluster(ACCESS, provisioned, cluster, "t"), addedByAdapter);
        assertParameters(InfraStacks.catalog(ACCESS, catalog, "t"), Set.of());
    }

    @Test
    void outputs_whenReadByTheWorkflows_areAllDeclared() throws IOException {
        Set<String> network = names(template("network").path("Outputs"));
        assertTrue(network.contains(InfraStacks.OUT_VPC_ID));
        for (int i = 1; i <= 4; i++) {
            assertTrue(network.contains(InfraStacks.subnetOutput(SubnetTier.PRIVATE, i)));
            assertTrue(network.contains(InfraStacks.subnetOutput(SubnetTier.PUBLIC, i)));
        }
        Set<String> cluster = names(template("cluster").path("Outputs"));
        assertTrue(cluster.containsAll(Set.of(InfraStacks.OUT_CLUSTER_NAME, InfraStacks.OUT_ENDPOINT)));
        Set<String> catalog = names(template("catalog").path("Outputs"));
        assertTrue(catalog.containsAll(Set.of(InfraStacks.OUT_WAREHOUSE, InfraStacks.OUT_DATABASE)));
    }

    @Test
    void s3Trigger_whenDeployed_forwardsOnlyTheNamedBucketsObjectCreatedEventsToTheControlPlaneBus() throws Exception {
        JsonNode t = template("s3-trigger");
        JsonNode rule = t.path("Resources").path("ForwardingRule").path("Properties");
        assertEquals("default", rule.path("EventBusName").asText());
        assertEquals(1, rule.path("Targets").size());
        assertEquals("ControlPlaneEventBusArn", rule.path("Targets").get(0).path("Arn").path("Ref").asText());
        JsonNode pattern = rule.path("EventPattern");
        assertEquals("BucketNames", pattern.path("detail").path("bucket").path("name").path("Ref").asText());
        // The pattern as deployed (the bucket list filled in) passes S3's event for those buckets only, and the
        // control plane's rule passes what it forwards: both read by Event Ruler, as EventBridge reads them.
        ObjectNode deployed = pattern.deepCopy();
        ((ObjectNode) deployed.path("detail").path("bucket")).putArray("name").add("acme-raw");
        JsonNode event = new ObjectMapper().readTree("{\"version\":\"0\",\"id\":\"e1\",\"source\":\"aws.s3\","
                + "\"detail-type\":\"Object Created\",\"account\":\"111122223333\",\"detail\":{\"bucket\":"
                + "{\"name\":\"acme-raw\"},\"object\":{\"key\":\"sales/1.csv\",\"etag\":\"x\",\"sequencer\":\"1\"}}}");
        Machine forwarding = new Machine();
        forwarding.addRule("forward", deployed.toString());
        assertEquals(List.of("forward"), forwarding.rulesForJSONEvent(event));
        ((ObjectNode) event.path("detail").path("bucket")).put("name", "acme-other");
        assertEquals(List.of(), forwarding.rulesForJSONEvent(event));
        Machine controlPlane = new Machine();
        controlPlane.addRule("trigger", TriggerRules.OBJECT_CREATED);
        assertEquals(List.of("trigger"), controlPlane.rulesForJSONEvent(event));

        JsonNode role = t.path("Resources").path("ForwardingRole").path("Properties");
        assertEquals("events.amazonaws.com", role.path("AssumeRolePolicyDocument").path("Statement").get(0)
                .path("Principal").path("Service").asText());
        JsonNode statements = role.path("Policies").get(0).path("PolicyDocument").path("Statement");
        assertEquals(1, statements.size());
        assertEquals("events:PutEvents", statements.get(0).path("Action").asText());
        assertEquals("ControlPlaneEventBusArn", statements.get(0).path("Resource").path("Ref").asText(), "that bus only");
        String busArn = "arn:aws:events:eu-west-1:999999999999:event-bus/lakesail-prod";
        assertTrue(busArn.matches(t.path("Parameters").path("ControlPlaneEventBusArn").path("AllowedPattern").asText()));
        assertFalse("arn:aws:events:eu-west-1:999999999999:event-bus/default"
                .matches(t.path("Parameters").path("ControlPlaneEventBusArn").path("AllowedPattern").asText()));
    }

    @Test
    void catalog_whenDeleted_retainsTheBucket() throws IOException {
        JsonNode bucket = template("catalog").path("Resources").path("Warehouse");

        assertEquals("Retain", bucket.path("DeletionPolicy").asText());
        assertTrue(bucket.path("Properties").path("PublicAccessBlockConfiguration").path("BlockPublicPolicy").asBoolean());
    }

    private static void assertParameters(StackRequest request, Set<String> addedByAdapter) throws IOException {
        JsonNode parameters = template(request.template().name().toLowerCase(java.util.Locale.ROOT)).path("Parameters");
        Set<String> required = new TreeSet<>();
        parameters.fieldNames().forEachRemaining(p -> {
            if (!parameters.path(p).has("Default")) {
                required.add(p);
            }
        });
        Set<String> supplied = new TreeSet<>(request.parameters().keySet());
        supplied.addAll(addedByAdapter);

        assertTrue(supplied.containsAll(required), request.template() + " misses " + difference(required, supplied));
        assertTrue(names(parameters).containsAll(supplied), request.template() + " does not declare " + difference(supplied, names(parameters)));
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> d = new TreeSet<>(a);
        d.removeAll(b);
        return d;
    }

    private static Set<String> names(JsonNode object) {
        Set<String> names = new TreeSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<JsonNode> list(JsonNode node) {
        List<JsonNode> items = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(items::add);
        } else if (!node.isMissingNode()) {
            items.add(node);
        }
        return items;
    }

    /** A small linter: Ref, Fn::Sub, Fn::GetAtt and conditions must name something declared. */
    private static void walk(JsonNode node, Set<String> declared, Set<String> conditions, List<String> problems) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                JsonNode v = e.getValue();
                switch (e.getKey()) {
                    case "Ref" -> check(declared, v.asText(), "Ref", problems);
                    case "Fn::GetAtt" -> check(declared, v.get(0).asText(), "Fn::GetAtt", problems);
                    case "Fn::Sub" -> {
                        Matcher m = SUB_VARIABLE.matcher(v.isTextual() ? v.asText() : v.get(0).asText());
                        while (m.find()) {
                            check(declared, m.group(1).split("\\.")[0], "Fn::Sub", problems);
                        }
                    }
                    case "Condition" -> {
                        if (v.isTextual()) {
                            check(conditions, v.asText(), "Condition", problems);
                        }
                    }
                    case "Fn::If" -> check(conditions, v.get(0).asText(), "Fn::If", problems);
                    default -> {
                    }
                }
                walk(v, declared, conditions, problems);
            }
        } else if (node.isArray()) {
            node.forEach(child -> walk(child, declared, conditions, problems));
        }
    }

    private static void check(Set<String> declared, String name, String where, List<String> problems) {
        if (!declared.contains(name)) {
            problems.add(where + " " + name);
        }
    }
}
