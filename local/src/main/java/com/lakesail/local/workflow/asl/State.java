package com.lakesail.local.workflow.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.lakesail.local.workflow.data.PathExpression;
import com.lakesail.local.workflow.data.PayloadTemplate;
import com.lakesail.local.workflow.data.ResultPath;
import java.time.Instant;
import java.util.List;

/** One compiled state of a definition, by type. Every path and template is compiled at load. */
public sealed interface State {

    String name();

    /** The type as it prefixes history events: Pass, Task, Choice, Wait, Succeed, Fail, Parallel, Map. */
    String type();

    /** Next or End; null for Choice, Succeed and Fail, which never take either. */
    default Flow flow() {
        return null;
    }

    default List<Retrier> retry() {
        return List.of();
    }

    default List<Catcher> catchers() {
        return List.of();
    }

    /** Where a state goes when it completes: the {@code Next} state, or the end of its branch. */
    record Flow(String next, boolean end) {
    }

    record Pass(String name, Flow flow, Selector inputPath, PayloadTemplate parameters, JsonNode result,
                ResultPath resultPath, Selector outputPath) implements State {
        @Override
        public String type() {
            return "Pass";
        }
    }

    record Task(String name, Flow flow, Selector inputPath, PayloadTemplate parameters, TaskResource resource,
                PayloadTemplate resultSelector, ResultPath resultPath, Selector outputPath,
                Seconds timeout, Seconds heartbeat, List<Retrier> retry, List<Catcher> catchers) implements State {
        @Override
        public String type() {
            return "Task";
        }
    }

    record Choice(String name, Selector inputPath, Selector outputPath, List<ChoiceRule.Branch> choices,
                  String defaultNext) implements State {
        @Override
        public String type() {
            return "Choice";
        }
    }

    /** Exactly one of seconds, timestamp, secondsPath and timestampPath is set. */
    record Wait(String name, Flow flow, Selector inputPath, Selector outputPath, Long seconds, Instant timestamp,
                PathExpression secondsPath, PathExpression timestampPath) implements State {
        @Override
        public String type() {
            return "Wait";
        }
    }

    record Succeed(String name, Selector inputPath, Selector outputPath) implements State {
        @Override
        public String type() {
            return "Succeed";
        }
    }

    /** Error and cause are static text or computed (ErrorPath / CausePath); either may be absent. */
    record Fail(String name, DynamicText error, DynamicText cause) implements State {
        @Override
        public String type() {
            return "Fail";
        }
    }

    record Parallel(String name, Flow flow, Selector inputPath, PayloadTemplate parameters, List<StateGraph> branches,
                    PayloadTemplate resultSelector, ResultPath resultPath, Selector outputPath,
                    List<Retrier> retry, List<Catcher> catchers) implements State {
        @Override
        public String type() {
            return "Parallel";
        }
    }

    /** maxConcurrency 0 means no limit; maxConcurrencyPath, when set, overrides it per execution. */
    record Map(String name, Flow flow, Selector inputPath, PathExpression itemsPath, PayloadTemplate itemSelector,
               StateGraph processor, int maxConcurrency, PathExpression maxConcurrencyPath,
               PayloadTemplate resultSelector, ResultPath resultPath, Selector outputPath,
               List<Retrier> retry, List<Catcher> catchers) implements State {
        @Override
        public String type() {
            return "Map";
        }
    }

    /** A static number of seconds or a path to one (TimeoutSeconds / TimeoutSecondsPath); null when absent. */
    record Seconds(Long value, PathExpression path) {
    }

    record Retrier(List<String> errorEquals, long intervalSeconds, int maxAttempts, double backoffRate,
                   Long maxDelaySeconds, boolean fullJitter) {
    }

    record Catcher(List<String> errorEquals, String next, ResultPath resultPath) {
    }
}
