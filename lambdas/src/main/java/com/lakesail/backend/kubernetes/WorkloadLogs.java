package com.lakesail.backend.kubernetes;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lakesail.backend.agent.protocol.AgentCommand.LogLines;
import com.lakesail.backend.agent.protocol.AgentError;
import com.lakesail.backend.agent.protocol.AgentException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pages of a workload's container logs, read by cursor from the Kubernetes log API. Kubernetes
 * offers no log offsets, only {@code sinceTime} (to the second) and each line's own timestamp (to
 * the nanosecond), so the cursor remembers, per container, the timestamp of the last line handed
 * out and how many lines carried exactly that timestamp; a page asks from that second on and skips
 * what it already gave. A line longer than a page is handed out cut, and what else that second held
 * after it is skipped: the API cannot be asked for less than a second.
 *
 * <pre>
 * cursor = base64url({"pod/container": {"t": "2026-01-01T00:00:01.250Z", "n": 1}, ...})
 * </pre>
 */
final class WorkloadLogs {
    /** Lines a page holds at most: a Lambda answer stays far below its 6 MB. */
    static final int MAX_LINES = 2_000;
    /** Bytes asked of one container per page; a line cut at the limit waits for the next page. */
    static final int MAX_BYTES = 512 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One container of one pod, and the log stream its lines belong to. */
    record Source(String pod, String container, String stream) {
        String key() {
            return pod + "/" + container;
        }
    }

    /** Reads a container's log with timestamps, from {@code sinceTime} (null: the start), at most {@code limitBytes}. */
    interface Reader {
        String read(Source source, String sinceTime, int limitBytes);
    }

    record Position(String t, int n) {
    }

    /** A read that handed out nothing new though the log goes on past the byte limit. */
    private static final Position STUCK = new Position("", -1);

    private WorkloadLogs() {
    }

    static LogLines page(List<Source> sources, String cursor, Reader reader) {
        Map<String, Position> positions = decode(cursor);
        List<LogLines.Line> lines = new ArrayList<>();
        for (Source source : sources) {
            if (lines.size() >= MAX_LINES) {
                break;
            }
            Position from = positions.get(source.key());
            Position at = read(source, from, reader, lines);
            if (at == STUCK) {
                // Nothing new fits below the limit from this second on (a line longer than a page was handed
                // out cut): read on from the next second, the only step the log API can take.
                from = new Position(Instant.parse(from.t()).truncatedTo(ChronoUnit.SECONDS).plusSeconds(1).toString(), 0);
                at = read(source, from, reader, lines);
                at = at == STUCK ? from : at;
            }
            if (at != null) {
                positions.put(source.key(), at);
            }
        }
        return new LogLines(lines, positions.isEmpty() ? cursor : encode(positions));
    }

    /** Adds the source's new lines; answers where it got to, or {@link #STUCK}. */
    private static Position read(Source source, Position from, Reader reader, List<LogLines.Line> lines) {
        String since = from == null ? null : Instant.parse(from.t()).truncatedTo(ChronoUnit.SECONDS).toString();
        String text = reader.read(source, since, MAX_BYTES);
        if (text == null || text.isEmpty()) {
            return from;
        }
        Position at = from;
        int sameInstant = 0;
        String[] raw = text.split("\n", -1);
        // The last piece is empty after a final newline, or a line the byte limit cut: it comes next time,
        // unless it is the only one (a line longer than a page), which is handed out cut.
        int complete = raw.length == 1 ? 1 : raw.length - 1;
        for (int i = 0; i < complete && lines.size() < MAX_LINES; i++) {
            int space = raw[i].indexOf(' ');
            Instant stamp = instant(space < 0 ? raw[i] : raw[i].substring(0, space));
            if (stamp == null) {
                continue;
            }
            if (from != null) {
                int order = stamp.compareTo(Instant.parse(from.t()));
                if (order < 0 || (order == 0 && ++sameInstant <= from.n())) {
                    continue;
                }
            }
            lines.add(new LogLines.Line(source.stream(), space < 0 ? "" : raw[i].substring(space + 1)));
            at = at != null && Instant.parse(at.t()).equals(stamp) ? new Position(at.t(), at.n() + 1)
                    : new Position(stamp.toString(), 1);
        }
        return at == from && from != null && !text.endsWith("\n") ? STUCK : at;
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Map<String, Position> decode(String cursor) {
        if (cursor == null) {
            return new LinkedHashMap<>();
        }
        try {
            return new LinkedHashMap<>(JSON.readValue(Base64.getUrlDecoder().decode(cursor), new TypeReference<Map<String, Position>>() {
            }));
        } catch (Exception e) {
            throw AgentException.of(AgentError.Code.MALFORMED_COMMAND, "cursor is not one the agent returned", false);
        }
    }

    private static String encode(Map<String, Position> positions) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsString(positions)
                    .getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
