package com.lakesail.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.lakesail.backend.service.infra.InfraWorkflows;
import com.lakesail.backend.service.job.JobRunWorkflows;
import com.lakesail.backend.service.trigger.TriggerRules;
import com.lakesail.backend.service.session.SessionWorkflows;
import com.lakesail.backend.tasks.CatalogTasks;
import com.lakesail.backend.tasks.CloudAccountTasks;
import com.lakesail.backend.tasks.ClusterTasks;
import com.lakesail.backend.tasks.JobRunTasks;
import com.lakesail.backend.tasks.NetworkTasks;
import com.lakesail.backend.tasks.SessionTasks;
import com.lakesail.backend.tasks.TaskDispatcher;
import com.lakesail.backend.tasks.TaskException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * template.yaml against the code: every handler exists and is a Lambda handler, every state
 * machine file exists with its substitutions defined, every task and error name a state machine
 * uses is one the task function knows, and every AWS action the adapters call is granted, to the
 * function that calls it (with the control plane's credentials) or to the customer role (with the
 * assumed role's). The calls are read from the adapters' source, so a new call without its grant
 * fails here.
 */
class TemplateConsistencyTest {
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final Path BACKEND = ROOT.resolve("lambdas/src/main/java/com/lakesail/backend");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]+)}");

    private final JsonNode template = read(ROOT.resolve("template.yaml"));
    private final JsonNode resources = template.path("Resources");

    @Test
    void functions_whenDeclared_nameAnExistingLambdaHandler() throws Exception {
        List<String> handlers = new ArrayList<>();
        for (Map.Entry<String, JsonNode> fn : resourcesOfType("AWS::Serverless::Function")) {
            String handler = fn.getValue().path("Properties").path("Handler").asText();
            String[] parts = handler.split("::");
            Class<?> type = Class.forName(parts[0]);
            assertTrue(RequestHandler.class.isAssignableFrom(type) || RequestStreamHandler.class.isAssignableFrom(type),
                    fn.getKey() + ": " + type + " is not a Lambda handler");
            assertTrue(Stream.of(type.getMethods()).anyMatch(m -> m.getName().equals(parts[1])), handler);
            type.getConstructor();
            handlers.add(parts[0]);
        }
        assertTrue(handlers.containsAll(List.of("com.lakesail.backend.api.ApiGatewayHandler",
                "com.lakesail.backend.tasks.TaskHandler", "com.lakesail.backend.events.ExecutionStatusHandler",
                "com.lakesail.backend.reconciler.ReconcilerHandler", "com.lakesail.backend.events.TriggerHandler")),
                handlers.toString());
    }

    @Test
    void stateMachines_whenDeclared_haveTheirFileAndEverySubstitution() throws IOException {
        List<Map.Entry<String, JsonNode>> machines = resourcesOfType("AWS::Serverless::StateMachine");
        assertEquals(10, machines.size(), "one state machine per lifecycle");
        for (Map.Entry<String, JsonNode> machine : machines) {
            JsonNode properties = machine.getValue().path("Properties");
            Path file = ROOT.resolve(properties.path("DefinitionUri").asText());
            assertTrue(Files.isRegularFile(file), machine.getKey() + ": missing " + file);
            assertEquals("STANDARD", properties.path("Type").asText(), machine.getKey());
            Set<String> defined = new TreeSet<>();
            properties.path("DefinitionSubstitutions").fieldNames().forEachRemaining(defined::add);
            Set<String> used = new TreeSet<>();
            Matcher m = PLACEHOLDER.matcher(Files.readString(file));
            while (m.find()) {
                used.add(m.group(1));
            }
            assertEquals(used, defined, machine.getKey() + ": placeholders vs DefinitionSubstitutions");
            for (JsonNode value : properties.path("DefinitionSubstitutions")) {
                String target = value.asText().split("\\.")[0];
                assertTrue(resources.has(target), machine.getKey() + " substitutes a missing resource " + target);
            }
        }
    }

    @Test
    void stateMachineFiles_whenRead_useOnlyTasksAndErrorsTheTaskFunctionKnows() throws Exception {
        Set<String> known = new TaskDispatcher(new CloudAccountTasks(null, null, null), new NetworkTasks(null, null),
                new ClusterTasks(null, null, null), new CatalogTasks(null, null),
                new JobRunTasks(null, null, null, null, null, null, null, null, null, null),
                new SessionTasks(null, null, null, null, null, null, null, null, null)).names();
        Set<String> tasks = new TreeSet<>();
        Set<String> errors = new TreeSet<>();
        try (Stream<Path> files = Files.list(ROOT.resolve("statemachines"))) {
            // The state machines themselves, not their test mocks (statemachines/mocks/).
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".asl.json")).toList()) {
                collect(YAML.readTree(Files.readString(file)), tasks, errors);
            }
        }
        assertEquals(new TreeSet<>(known), tasks, "every task is registered and used");
        assertFalse(errors.isEmpty());
        for (String error : errors) {
            if (error.startsWith("States.") || error.startsWith("Lambda.")) {
                continue;
            }
            assertTrue(TaskException.class.isAssignableFrom(Class.forName(error)),
                    error + " is neither a States/Lambda error nor an error the task function throws");
        }
    }

    @Test
    void adapters_whenTheyCallAws_everyActionIsGranted() throws IOException {
        for (Map.Entry<String, Set<String>> function : actionsCalledByFunction().entrySet()) {
            requireGranted(function.getKey(), function.getValue());
        }

        Set<String> inCustomerAccount = union(calls(BACKEND.resolve("aws/AwsCloudProvider.java"), "cfn", "cloudformation"),
                agentInvocations());
        assertTrue(inCustomerAccount.containsAll(Set.of("cloudformation:CreateStack", "lambda:InvokeFunction")),
                inCustomerAccount.toString());
        List<String> customerRole = new ArrayList<>();
        customerRoleStatements().forEach(s -> statementActions(s, customerRole));
        for (String action : inCustomerAccount) {
            assertTrue(granted(customerRole, action), "customer-role.yaml does not allow " + action);
        }
    }

    /**
     * Lambda in the customer's account: the control plane itself may only invoke the clusters'
     * agents (what {@code AgentClient} calls); creating and updating them is CloudFormation's, for
     * the cluster stacks, and only through it.
     */
    @Test
    void customerRole_whenGrantingLambda_grantsDirectlyOnlyWhatTheAgentClientCalls() throws IOException {
        Set<String> direct = new TreeSet<>();
        Set<String> throughStacks = new TreeSet<>();
        for (JsonNode statement : customerRoleStatements()) {
            List<String> actions = new ArrayList<>();
            statementActions(statement, actions);
            boolean viaCloudFormation = statement.path("Condition").toString().contains("aws:CalledVia");
            actions.stream().filter(a -> a.toLowerCase(Locale.ROOT).startsWith("lambda:"))
                    .forEach(a -> (viaCloudFormation ? throughStacks : direct).add(a));
            if (actions.stream().anyMatch(a -> a.toLowerCase(Locale.ROOT).startsWith("lambda:"))) {
                assertTrue(statement.path("Resource").toString().contains(":function:lakesail-*"),
                        "lambda on the lakesail-* functions (the agents) only: " + statement);
            }
        }
        assertEquals(agentInvocations(), direct, "granted directly exactly what the control plane calls");
        assertTrue(throughStacks.contains("lambda:CreateFunction"), throughStacks.toString());
        assertFalse(throughStacks.stream().anyMatch(a -> a.contains("*") && !a.endsWith("Get*")),
                "no lambda wildcard beyond reads, even through the stacks: " + throughStacks);
    }

    /** The statements of the access role's own policies (not its boundary). */
    private static List<JsonNode> customerRoleStatements() throws IOException {
        List<JsonNode> statements = new ArrayList<>();
        JsonNode role = read(ROOT.resolve("lambdas/src/main/resources/cloudformation/customer-role.yaml")).path("Resources");
        for (JsonNode resource : role) {
            if (resource.path("Type").asText().equals("AWS::IAM::Role")) {
                resource.path("Properties").path("Policies").forEach(p -> p.path("PolicyDocument").path("Statement")
                        .forEach(statements::add));
            }
        }
        assertFalse(statements.isEmpty());
        return statements;
    }

    /** The Lambda actions the control plane calls in customers' accounts: its agent client's ({@code lambda.invoke} is InvokeFunction). */
    private static Set<String> agentInvocations() throws IOException {
        Set<String> actions = new TreeSet<>();
        calls(BACKEND.resolve("aws/AgentClient.java"), "lambda", "lambda")
                .forEach(a -> actions.add(a.equals("lambda:Invoke") ? "lambda:InvokeFunction" : a));
        assertEquals(Set.of("lambda:InvokeFunction"), actions);
        return actions;
    }

    @Test
    void api_whenDeployed_handsEveryBodyOverAsBytes() {
        JsonNode types = resources.path("Api").path("Properties").path("BinaryMediaTypes");
        assertEquals(List.of("*~1*"), List.of(types.path(0).asText()), "*/* (escaped): ApiGatewayHandler reads bodies"
                + " as base64 bytes and refuses those that are not UTF-8");
        assertEquals(1, types.size());
    }

    @Test
    void reconcilerFunction_whenDeployed_runsEveryMinuteOneAtATimeWithOnlyWhatItCalls() throws IOException {
        JsonNode properties = resources.path("ReconcilerFunction").path("Properties");
        List<JsonNode> schedules = new ArrayList<>();
        properties.path("Events").forEach(e -> {
            if (e.path("Type").asText().equals("Schedule")) {
                schedules.add(e);
            }
        });
        assertEquals(1, schedules.size(), "one schedule");
        assertEquals("rate(1 minute)", schedules.get(0).path("Properties").path("Schedule").asText());
        assertEquals(1, properties.path("ReservedConcurrentExecutions").asInt(), "passes never overlap");

        List<String> allowed = new ArrayList<>();
        properties.path("Policies").forEach(p -> actions(p, allowed));
        assertEquals(reconcilerActions(), new TreeSet<>(allowed), "granted exactly what the reconciler calls");
        for (JsonNode statement : properties.path("Policies").get(0).path("Statement")) {
            if (statement.path("Action").toString().contains("states:DescribeExecution")) {
                Set<String> machines = new TreeSet<>();
                statement.path("Resource").forEach(r -> {
                    Matcher m = Pattern.compile(":execution:\\$\\{(\\w+)\\.Name}:\\*$").matcher(r.asText());
                    assertTrue(m.find(), "executions of a lifecycle state machine only: " + r.asText());
                    machines.add(m.group(1));
                });
                assertEquals(new TreeSet<>(allStateMachines()), machines);
                return;
            }
        }
        throw new AssertionError("the reconciler may not describe executions");
    }

    @Test
    void functions_whenGrantedActions_grantOnlyWhatTheirAdaptersCall() throws IOException {
        Map<String, Set<String>> called = actionsCalledByFunction();
        for (Map.Entry<String, JsonNode> fn : resourcesOfType("AWS::Serverless::Function")) {
            assertTrue(called.containsKey(fn.getKey()), fn.getKey() + " is not known here: add it to actionsCalledByFunction() "
                    + "with the AWS actions its graph's adapters call, so its role is checked both ways");
            List<String> allowed = grantedTo(fn.getKey());
            Set<String> lower = new TreeSet<>();
            called.get(fn.getKey()).forEach(a -> lower.add(a.toLowerCase(Locale.ROOT)));
            for (String action : allowed) {
                assertTrue(lower.contains(action.toLowerCase(Locale.ROOT)), fn.getKey() + " is granted " + action
                        + ", which no adapter it runs calls (it calls " + called.get(fn.getKey()) + "): remove the grant");
            }
        }
    }

    @Test
    void functions_whenTheirGraphNeedsConfiguration_haveTheEnvironmentTheirModulesRead() throws IOException {
        JsonNode api = resources.path("ApiFunction").path("Properties").path("Environment").path("Variables");
        JsonNode reconciler = variables("ReconcilerFunction");
        for (String machine : allStateMachines()) {
            assertTrue(resources.has(machine), "no state machine " + machine);
            assertEquals(arnOf(machine), api.path(InfraWorkflows.arnVariable(machine)).asText(),
                    "ApiFunction's " + InfraWorkflows.arnVariable(machine) + " names the state machine it starts");
            assertEquals(machine, reconciler.path(InfraWorkflows.arnVariable(machine)).asText(),
                    "ReconcilerFunction's " + InfraWorkflows.arnVariable(machine) + " names the state machine it starts");
        }
        String jobRun = InfraWorkflows.arnVariable(JobRunWorkflows.STATE_MACHINE);
        assertEquals(arnOf(JobRunWorkflows.STATE_MACHINE), variables("TaskFunction").path(jobRun).asText(),
                "the task function starts automatic retries");
        assertEquals(JobRunWorkflows.STATE_MACHINE, variables("EventsFunction").path(jobRun).asText(),
                "the events function starts cleanup executions");
        assertEquals(SessionWorkflows.STATE_MACHINE, variables("EventsFunction")
                .path(InfraWorkflows.arnVariable(SessionWorkflows.STATE_MACHINE)).asText(),
                "the events function starts sessions' cleanup executions");
        assertEquals("SessionSigningKey.Arn", api.path("SESSION_SIGNING_KEY_ARN").asText(),
                "ApiFunction signs session tokens with the template's KMS key (KmsModule reads SESSION_SIGNING_KEY_ARN)");
        assertTrue(variables("TaskFunction").path("API_ENDPOINT").asText().contains("${Api}.execute-api"),
                "runs report to the API: the task function hands them its address");
        Map.of("AGENT_CODE_BUCKET", "AgentCodeBucket", "AGENT_CODE_KEY", "AgentCodeKey", "SAIL_IMAGE", "SailImage",
                "RUNNER_IMAGE", "RunnerImage").forEach((variable, parameter) -> {
            assertEquals(parameter, variables("TaskFunction").path(variable).asText(),
                    "the task function gives every cluster stack its agent and images (" + variable + ")");
            assertTrue(template.path("Parameters").has(parameter), "template parameter " + parameter);
        });
        assertEquals(JobRunWorkflows.STATE_MACHINE, variables("TriggerFunction").path(jobRun).asText(),
                "the trigger function starts runs");
        assertEquals("ScheduleGroup", reconciler.path("SCHEDULE_GROUP").asText());
        assertEquals("SchedulerRole.Arn", reconciler.path("SCHEDULER_ROLE_ARN").asText());
        assertEquals("TriggerFunction.Alias", reconciler.path("TRIGGER_FUNCTION_ARN").asText(),
                "schedules invoke the trigger function's live alias");
        for (Map.Entry<String, String> fn : Map.of("ApiFunction", "ApiComponent", "TaskFunction", "TaskComponent",
                "EventsFunction", "EventsComponent", "ReconcilerFunction", "ReconcilerComponent",
                "TriggerFunction", "TriggerComponent").entrySet()) {
            assertEquals(withBus(fn.getValue()) ? "EventBus" : "", variables(fn.getKey()).path("EVENT_BUS_NAME").asText(),
                    fn.getKey() + ": EVENT_BUS_NAME (EventBridgeModule reads it) if and only if its graph has the bus");
        }
        assertFalse(read(ROOT.resolve("template.yaml")).path("Globals").path("Function").path("Environment")
                .path("Variables").has("EVENT_BUS_NAME"), "not every function has the bus: the API has none");
        assertFalse(withBus("ApiComponent"), "the API leaves EventBridge's SDK out of its package");
        assertEquals("TaskFunctionRole.Arn", api.path("CONTROL_PLANE_ROLE_ARN").asText(),
                "ApiFunction: the role template it shows makes customer roles trust the task function's role");
    }

    @Test
    void iamStatements_whenDeclared_eachHaveEffectActionAndResource() {
        int seen = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = resources.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> resource = it.next();
            JsonNode properties = resource.getValue().path("Properties");
            List<JsonNode> documents = new ArrayList<>();
            properties.path("Policies").forEach(p -> documents.add(p.has("PolicyDocument") ? p.path("PolicyDocument") : p));
            if (properties.has("AssumeRolePolicyDocument")) {
                documents.add(properties.path("AssumeRolePolicyDocument"));
            }
            for (JsonNode document : documents) {
                for (JsonNode statement : document.path("Statement")) {
                    String where = resource.getKey() + ": " + statement;
                    assertTrue(statement.isObject(), "a statement is an object (indentation?) in " + where);
                    assertTrue(statement.hasNonNull("Effect") && statement.hasNonNull("Action"), where);
                    JsonNode target = statement.has("Principal") ? statement.path("Principal") : statement.path("Resource");
                    assertTrue(!target.isMissingNode() && !target.isNull() && !(target.isArray() && target.isEmpty()),
                            "a statement names its Resource (or Principal): " + where);
                    seen++;
                }
            }
        }
        assertTrue(seen >= 5, "the walk found the template's statements: " + seen);
    }

    @Test
    void sessionSigningKey_whenDeclared_isAnEs256KmsKeyOnlyTheApiFunctionUses() {
        JsonNode key = resources.path("SessionSigningKey");
        assertEquals("AWS::KMS::Key", key.path("Type").asText());
        assertEquals("ECC_NIST_P256", key.path("Properties").path("KeySpec").asText());
        assertEquals("SIGN_VERIFY", key.path("Properties").path("KeyUsage").asText());
        for (Map.Entry<String, JsonNode> fn : resourcesOfType("AWS::Serverless::Function")) {
            List<String> kms = grantedTo(fn.getKey()).stream().filter(a -> a.startsWith("kms:")).toList();
            assertEquals(fn.getKey().equals("ApiFunction") ? List.of("kms:Sign", "kms:GetPublicKey") : List.of(), kms,
                    fn.getKey() + ": session tokens are signed by the API function alone");
        }
        for (JsonNode statement : resources.path("ApiFunction").path("Properties").path("Policies").get(0).path("Statement")) {
            if (statement.path("Action").toString().contains("kms:")) {
                assertEquals("SessionSigningKey.Arn", statement.path("Resource").asText(), "on the session signing key only");
            }
        }
    }

    @Test
    void taskFunctionRole_whenAssumingCustomerRoles_isLimitedToLakeSailRoles() {
        JsonNode statements = resources.path("TaskFunctionRole").path("Properties").path("Policies").get(0)
                .path("PolicyDocument").path("Statement");
        for (JsonNode statement : statements) {
            if (statement.path("Action").asText().equals("sts:AssumeRole")) {
                assertTrue(statement.path("Resource").asText().endsWith(":role/lakesail-*"), statement.toString());
                return;
            }
        }
        throw new AssertionError("the task function's role has no sts:AssumeRole statement");
    }

    @Test
    void triggerFunction_whenDeployed_isFedByTheBusRulesTheLocalBusAppliesToo() throws IOException {
        JsonNode events = resources.path("TriggerFunction").path("Properties").path("Events");
        Set<String> patterns = new TreeSet<>();
        events.forEach(e -> {
            assertEquals("EventBridgeRule", e.path("Type").asText(), e.toString());
            assertEquals("EventBus", e.path("Properties").path("EventBusName").asText(), "rules on the control plane's bus");
            patterns.add(e.path("Properties").path("Pattern").toString());
        });
        ObjectMapper json = new ObjectMapper();
        assertEquals(new TreeSet<>(Set.of(json.readTree(TriggerRules.OBJECT_CREATED).toString(),
                json.readTree(TriggerRules.RUN_ENDED).toString())), patterns);
    }

    @Test
    void schedules_whenDeployed_liveInTheirGroupAndInvokeOnlyTheTriggerFunction() {
        assertEquals("AWS::Scheduler::ScheduleGroup", resources.path("ScheduleGroup").path("Type").asText());
        JsonNode role = resources.path("SchedulerRole").path("Properties");
        assertEquals("scheduler.amazonaws.com", role.path("AssumeRolePolicyDocument").path("Statement").get(0)
                .path("Principal").path("Service").asText());
        JsonNode only = role.path("Policies").get(0).path("PolicyDocument").path("Statement");
        assertEquals(1, only.size());
        assertEquals("lambda:InvokeFunction", only.get(0).path("Action").asText());
        assertEquals("TriggerFunction.Alias", only.get(0).path("Resource").asText());
        for (String function : List.of("ReconcilerFunction")) {
            for (JsonNode statement : resources.path(function).path("Properties").path("Policies").get(0).path("Statement")) {
                String actions = statement.path("Action").toString();
                if (actions.contains("scheduler:")) {
                    assertEquals(List.of("arn:${AWS::Partition}:scheduler:${AWS::Region}:${AWS::AccountId}:schedule/"
                            + "${ScheduleGroup}/*"), List.of(statement.path("Resource").get(0).asText()), function);
                    assertEquals(1, statement.path("Resource").size(), function + ": the schedule group only");
                } else if (actions.contains("iam:PassRole")) {
                    assertEquals("SchedulerRole.Arn", statement.path("Resource").asText(), function + ": the scheduler's role only");
                    assertEquals("scheduler.amazonaws.com", statement.path("Condition").path("StringEquals")
                            .path("iam:PassedToService").asText(), function);
                }
            }
        }
    }

    @Test
    void eventBus_whenDeployed_takesPutEventsOnlyOnItselfAndFromOtherAccountsOnlyS3ObjectCreated() {
        assertEquals("AWS::Events::EventBus", resources.path("EventBus").path("Type").asText());
        JsonNode policy = resources.path("EventBusPolicy").path("Properties").path("Statement");
        assertEquals("events:PutEvents", policy.path("Action").asText());
        JsonNode condition = policy.path("Condition").path("StringEquals");
        assertEquals("aws.s3", condition.path("events:source").asText());
        assertEquals("Object Created", condition.path("events:detail-type").asText());
        for (Map.Entry<String, JsonNode> fn : resourcesOfType("AWS::Serverless::Function")) {
            List<JsonNode> documents = new ArrayList<>();
            fn.getValue().path("Properties").path("Policies").forEach(documents::add);
            String role = fn.getValue().path("Properties").path("Role").asText("");
            if (!role.isEmpty()) {
                resources.path(role.split("\\.")[0]).path("Properties").path("Policies")
                        .forEach(p -> documents.add(p.path("PolicyDocument")));
            }
            for (JsonNode document : documents) {
                for (JsonNode statement : document.path("Statement")) {
                    if (statement.path("Action").toString().contains("events:PutEvents")) {
                        assertEquals("EventBus.Arn", statement.path("Resource").asText(), fn.getKey() + ": the bus only");
                    }
                }
            }
        }
    }

    /**
     * The ARN a function names a state machine by: built from the machine's Name, since a !Ref from
     * the API function (on which the API, and through API_ENDPOINT the task function, depends) would
     * be a cycle.
     */
    private String arnOf(String machine) {
        String name = resources.path(machine).path("Properties").path("Name").asText();
        return "arn:${AWS::Partition}:states:${AWS::Region}:${AWS::AccountId}:stateMachine:" + name;
    }

    private JsonNode variables(String function) {
        return resources.path(function).path("Properties").path("Environment").path("Variables");
    }

    // ---- what the adapters call

    /**
     * The AWS actions each function's graph can call with the control plane's credentials: the store
     * adapter, the Step Functions calls of the code it runs, and STS for the task function.
     */
    private static Map<String, Set<String>> actionsCalledByFunction() throws IOException {
        Set<String> store = storeActions();
        Set<String> workflowsUsedByApi = sfnActionsUsedBy(BACKEND.resolve("service"));
        assertTrue(workflowsUsedByApi.contains("states:StartExecution"), workflowsUsedByApi.toString());
        Set<String> sts = calls(BACKEND.resolve("aws/AccountSessions.java"), "sts", "sts");
        assertEquals(Set.of("sts:AssumeRole"), sts);
        // A job run whose execution ended unrecorded gets a cleanup execution from the events function.
        Set<String> cleanups = sfnActionsUsedBy(BACKEND.resolve("service/job/JobRunWorkflows.java"));
        assertTrue(cleanups.contains("states:StartExecution"), cleanups.toString());
        // Session tokens are signed by KMS, in the API function alone.
        Set<String> kms = new TreeSet<>();
        Matcher kmsCall = Pattern.compile("\\bkms\\.get\\(\\)\\.call\\(\"(\\w+)\"")
                .matcher(Files.readString(BACKEND.resolve("aws/KmsTokenSigner.java")));
        while (kmsCall.find()) {
            kms.add("kms:" + kmsCall.group(1));
        }
        assertEquals(Set.of("kms:GetPublicKey", "kms:Sign"), kms);
        // Every function whose graph has the bus publishes the changes it makes to runs and sessions (the API's has
        // none: the next tasks of their workflows publish what it records); the trigger function starts runs, and cancels the ones a
        // scheduled run replaces.
        Set<String> runs = union(sfnActionsUsedBy(BACKEND.resolve("service/job/JobRunService.java")), cleanups);
        assertTrue(runs.contains("states:SendTaskFailure"), runs.toString());
        return Map.of(
                "ApiFunction", union(store, workflowsUsedByApi, busActions("ApiComponent"), kms),
                "TaskFunction", union(store, sts, sfnActionsUsedBy(BACKEND.resolve("tasks")), cleanups,
                        busActions("TaskComponent")),
                "EventsFunction", union(store, cleanups, busActions("EventsComponent")),
                "ReconcilerFunction", reconcilerActions(),
                "TriggerFunction", union(store, runs, busActions("TriggerComponent")));
    }

    /** What the bus adapter calls, when {@code component}'s graph has the bus; else nothing. */
    private static Set<String> busActions(String component) throws IOException {
        return withBus(component) ? eventActions() : Set.of();
    }

    /** Whether {@code component} (in di/) includes the module that binds the bus. */
    private static boolean withBus(String component) throws IOException {
        String source = Files.readString(BACKEND.resolve("di/" + component + ".java"));
        Matcher modules = Pattern.compile("@Component\\(modules\\s*=\\s*\\{([^}]*)}").matcher(source);
        assertTrue(modules.find(), component + " declares its modules");
        return modules.group(1).contains("EventBridgeModule.class");
    }

    /** What the bus adapter calls: PutEvents. */
    private static Set<String> eventActions() throws IOException {
        Set<String> actions = calls(BACKEND.resolve("aws/EventBridgeEvents.java"), "eventBridge\\(\\)", "events");
        assertEquals(Set.of("events:PutEvents"), actions);
        return actions;
    }

    /** What the schedules adapter calls, and passing the scheduler's role to the schedules it creates or updates. */
    private static Set<String> scheduleActions() throws IOException {
        Set<String> actions = new TreeSet<>(calls(BACKEND.resolve("aws/SchedulerSchedules.java"), "scheduler\\(\\)", "scheduler"));
        assertEquals(Set.of("scheduler:CreateSchedule", "scheduler:UpdateSchedule", "scheduler:DeleteSchedule"), actions);
        actions.add("iam:PassRole");
        return actions;
    }

    /** Every lifecycle state machine: the infrastructure ones, the job runs' and the sessions'. */
    private static List<String> allStateMachines() {
        List<String> all = new ArrayList<>(InfraWorkflows.STATE_MACHINES);
        all.add(JobRunWorkflows.STATE_MACHINE);
        all.add(SessionWorkflows.STATE_MACHINE);
        return all;
    }

    /** The DynamoDB actions of the store adapter; a transaction is authorised as the writes it holds. */
    private static Set<String> storeActions() throws IOException {
        String source = Files.readString(BACKEND.resolve("dynamodb/DynamoDbStore.java"));
        Set<String> actions = new TreeSet<>();
        Matcher m = Pattern.compile("\\btable(?:\\(\\))?\\.(getItem|putItem|deleteItem|updateItem)\\(").matcher(source);
        while (m.find()) {
            actions.add("dynamodb:" + capitalized(m.group(1)));
        }
        if (source.contains("::query")) {
            actions.add("dynamodb:Query");
        }
        if (source.contains("transactWriteItems(")) {
            actions.addAll(Set.of("dynamodb:PutItem", "dynamodb:DeleteItem", "dynamodb:ConditionCheckItem"));
        }
        assertTrue(actions.size() >= 5, actions.toString());
        return actions;
    }

    /** The reconciler's store, and the Step Functions calls of it and of the outbox it starts through. */
    private static Set<String> reconcilerActions() throws IOException {
        return new TreeSet<>(union(storeActions(), sfnActionsUsedBy(BACKEND.resolve("reconciler")),
                sfnActionsUsedBy(BACKEND.resolve("service/workflow")), busActions("ReconcilerComponent"), scheduleActions()));
    }

    /** The Step Functions actions behind the {@code Workflows} port methods that code under {@code folder} calls. */
    private static Set<String> sfnActionsUsedBy(Path folder) throws IOException {
        Map<String, Set<String>> byPortMethod = sfnCallsByMethod();
        Set<String> actions = new TreeSet<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = Pattern.compile("\\bworkflows\\.(\\w+)\\(").matcher(Files.readString(file));
                while (m.find()) {
                    actions.addAll(byPortMethod.getOrDefault(m.group(1), Set.of()));
                }
            }
        }
        return actions;
    }

    /** SfnWorkflows' public methods and the SDK calls each makes. */
    private static Map<String, Set<String>> sfnCallsByMethod() throws IOException {
        String source = Files.readString(BACKEND.resolve("stepfunctions/SfnWorkflows.java"));
        Matcher method = Pattern.compile("public [\\w.<>]+ (\\w+)\\(").matcher(source);
        List<int[]> spans = new ArrayList<>();
        List<String> names = new ArrayList<>();
        while (method.find()) {
            names.add(method.group(1));
            spans.add(new int[] {method.start(), source.length()});
        }
        for (int i = 0; i + 1 < spans.size(); i++) {
            spans.get(i)[1] = spans.get(i + 1)[0];
        }
        Map<String, Set<String>> out = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            Matcher call = Pattern.compile("\\bsfn(?:\\(\\))?\\.(\\w+)\\(").matcher(source.substring(spans.get(i)[0], spans.get(i)[1]));
            Set<String> actions = new TreeSet<>();
            while (call.find()) {
                actions.add("states:" + capitalized(call.group(1)));
            }
            out.put(names.get(i), actions);
        }
        return out;
    }

    private static Set<String> calls(Path file, String client, String service) throws IOException {
        // client.call( or, for a client built on first use, client.get().call(
        Matcher m = Pattern.compile("\\b" + client + "(?:\\.get\\(\\))?\\.(\\w+)\\(").matcher(Files.readString(file));
        Set<String> actions = new TreeSet<>();
        while (m.find()) {
            actions.add(service + ":" + capitalized(m.group(1)));
        }
        return actions;
    }

    // ---- what the template grants

    private void requireGranted(String function, Set<String> actions) {
        List<String> allowed = grantedTo(function);
        for (String action : actions) {
            assertTrue(granted(allowed, action), function + " is not granted " + action + " (it has " + allowed + ")");
        }
    }

    /** The actions the function's inline policies and its role's policies allow (managed policies are the runtime's logs). */
    private List<String> grantedTo(String function) {
        List<String> allowed = new ArrayList<>();
        JsonNode properties = resources.path(function).path("Properties");
        properties.path("Policies").forEach(p -> actions(p.has("PolicyDocument") ? p.path("PolicyDocument") : p, allowed));
        String role = properties.path("Role").asText("");
        if (!role.isEmpty()) {
            resources.path(role.split("\\.")[0]).path("Properties").path("Policies")
                    .forEach(p -> actions(p.path("PolicyDocument"), allowed));
        }
        return allowed;
    }

    private static void actions(JsonNode document, List<String> into) {
        for (JsonNode statement : document.path("Statement")) {
            statementActions(statement, into);
        }
    }

    /** The actions one statement allows (none when it denies). */
    private static void statementActions(JsonNode statement, List<String> into) {
        if (!statement.path("Effect").asText().equals("Allow")) {
            return;
        }
        JsonNode action = statement.path("Action");
        if (action.isArray()) {
            action.forEach(a -> into.add(a.asText()));
        } else {
            into.add(action.asText());
        }
    }

    private static boolean granted(List<String> allowed, String action) {
        for (String pattern : allowed) {
            String regex = Pattern.quote(pattern.toLowerCase(Locale.ROOT)).replace("*", "\\E.*\\Q");
            if (action.toLowerCase(Locale.ROOT).matches(regex)) {
                return true;
            }
        }
        return false;
    }

    // ---- helpers

    private static void collect(JsonNode node, Set<String> tasks, Set<String> errors) {
        if (node.isObject()) {
            if (node.has("task") && node.get("task").isTextual()) {
                tasks.add(node.get("task").asText());
            }
            node.path("ErrorEquals").forEach(e -> errors.add(e.asText()));
            for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
                collect(it.next(), tasks, errors);
            }
        } else if (node.isArray()) {
            node.forEach(child -> collect(child, tasks, errors));
        }
    }

    private List<Map.Entry<String, JsonNode>> resourcesOfType(String type) {
        List<Map.Entry<String, JsonNode>> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = resources.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> resource = it.next();
            if (resource.getValue().path("Type").asText().equals(type)) {
                out.add(resource);
            }
        }
        return out;
    }

    @SafeVarargs
    private static Set<String> union(Set<String>... sets) {
        Set<String> all = new LinkedHashSet<>();
        for (Set<String> s : sets) {
            all.addAll(s);
        }
        return all;
    }

    private static String capitalized(String method) {
        return Character.toUpperCase(method.charAt(0)) + method.substring(1);
    }

    private static JsonNode read(Path yaml) {
        try {
            return YAML.readTree(Files.readString(yaml));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
