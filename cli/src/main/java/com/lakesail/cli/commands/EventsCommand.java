package com.lakesail.cli.commands;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lakesail.cli.Context;
import com.lakesail.cli.Output.Column;
import com.lakesail.sdk.events.PutEventResult;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

@Command(name = "events", description = "Events: the recent state changes of a run, a job's runs or a session; put a "
        + "custom event for the jobs whose event triggers match it.")
public final class EventsCommand extends BaseCommand {
    static final List<Column> COLUMNS = List.of(Column.of("time"), Column.of("PREVIOUS", "detail.previousState"),
            Column.of("STATE", "detail.state"), Column.of("RESOURCE", "resources"), Column.of("detailType"), Column.of("id"));
    static final List<Column> RUN_COLUMNS = List.of(Column.of("RUN", "id"), Column.of("jobId"), Column.of("status"));
    private static final ObjectMapper JSON = new ObjectMapper();

    EventsCommand(Context context) {
        super(context);
    }

    @Command(name = "list", description = "List the events of a run, of a job's runs or of a session, newest first "
            + "(kept 14 days).")
    void list(@Parameters(paramLabel = "RESOURCE_ID", description = "A run, job or session id.") String resourceId,
            @Mixin ListOptions list) {
        out().list(limited(lakesail().events().list(resourceId), list), COLUMNS);
    }

    @Command(name = "put", description = "Put a custom event; every active job with a matching event trigger starts a run.")
    void put(@Option(names = "--source", required = true, description = "e.g. com.acme.orders; not aws.* nor lakesail.")
            String source,
            @Option(names = "--detail-type", paramLabel = "TYPE", required = true, description = "e.g. 'Order Batch Closed'.")
            String detailType,
            @Option(names = "--detail", paramLabel = "JSON", description = "The detail, a JSON object, "
                    + "e.g. '{\"region\": \"eu\"}'.") String detail,
            @Option(names = "--id", description = "The event's identity: the same id again starts nothing twice "
                    + "(default: a new one per call).") String id) {
        Map<String, Object> fields = detail == null ? null : object(detail);
        PutEventResult put = lakesail().events().put(r -> {
            r.id(id).source(source).detailType(detailType);
            if (fields != null) {
                r.detail(fields);
            }
        });
        if (out().json()) {
            out().model(put);
            return;
        }
        out().result("Put event " + put.id() + ": " + (put.runs().isEmpty() ? "no job's trigger matched it."
                : put.runs().size() + (put.runs().size() == 1 ? " run" : " runs") + " started."));
        if (!put.runs().isEmpty()) {
            out().list(put.runs().stream(), RUN_COLUMNS);
        }
    }

    private Map<String, Object> object(String text) {
        try {
            Map<String, Object> fields = JSON.readValue(text, new TypeReference<>() {
            });
            if (fields == null) {
                throw new ParameterException(spec.commandLine(), "--detail must be a JSON object, not null");
            }
            return fields;
        } catch (JsonProcessingException e) {
            throw new ParameterException(spec.commandLine(), "--detail must be a JSON object: "
                    + e.getOriginalMessage().lines().findFirst().orElse("invalid"));
        }
    }
}
