package com.lakesail.backend.aws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.EventBridgeException;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequest;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;

/**
 * EventBridge's PutEvents as its API reference documents it: 1 to 10 entries, each with Source,
 * DetailType and Detail (a JSON object), at most 256 KB a call; entries are accepted one by one, and
 * a refused entry comes back with an ErrorCode (the call itself succeeds, FailedEntryCount counts them).
 */
final class FakeEventBridge implements EventBridgeClient {
    private static final ObjectMapper JSON = new ObjectMapper();

    final List<PutEventsRequestEntry> accepted = new ArrayList<>();
    /** Entries with this DetailType are refused with InternalFailure (as throttled or failed entries are). */
    String refuseDetailType;
    /** Thrown by the next call (the service unreachable). */
    EventBridgeException nextFailure;
    int calls;

    @Override
    public PutEventsResponse putEvents(PutEventsRequest request) {
        calls++;
        if (nextFailure != null) {
            EventBridgeException e = nextFailure;
            nextFailure = null;
            throw e;
        }
        if (request.entries().isEmpty() || request.entries().size() > 10) {
            throw invalid("1 to 10 entries per call");
        }
        int size = 0;
        List<PutEventsResultEntry> results = new ArrayList<>();
        int failed = 0;
        for (PutEventsRequestEntry e : request.entries()) {
            if (e.source() == null || e.detailType() == null || e.detail() == null) {
                throw invalid("Source, DetailType and Detail are required");
            }
            try {
                if (!JSON.readTree(e.detail()).isObject()) {
                    throw invalid("Detail is not a JSON object");
                }
            } catch (JsonProcessingException x) {
                throw invalid("Detail is not valid JSON");
            }
            size += e.detail().length() + e.detailType().length() + e.source().length();
            if (e.detailType().equals(refuseDetailType)) {
                failed++;
                results.add(PutEventsResultEntry.builder().errorCode("InternalFailure").errorMessage("try again").build());
            } else {
                accepted.add(e);
                results.add(PutEventsResultEntry.builder().eventId("eb-" + accepted.size()).build());
            }
        }
        if (size > 256 * 1024) {
            throw invalid("Total size of the entries in the request is over the limit");
        }
        return PutEventsResponse.builder().failedEntryCount(failed).entries(results).build();
    }

    static EventBridgeException unavailable() {
        return (EventBridgeException) EventBridgeException.builder().statusCode(503).message("Service Unavailable")
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("ServiceUnavailable").errorMessage("unavailable").build())
                .build();
    }

    private static EventBridgeException invalid(String message) {
        return (EventBridgeException) EventBridgeException.builder().statusCode(400).message(message)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("ValidationException").errorMessage(message).build())
                .build();
    }

    @Override
    public String serviceName() {
        return "events";
    }

    @Override
    public void close() {
    }
}
