package com.lakesail.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.lakesail.sdk.ModelJson;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Prints results. {@code table} is for people: a list as aligned columns, one resource as its
 * fields, one a line. {@code json} is for scripts: exactly the SDK's model as {@link ModelJson}
 * writes it (a list as one array, a resource as one object), and nothing else on standard output.
 * Notes for people go to standard error in both.
 */
public final class Output {
    private static final ObjectMapper TREES = new ObjectMapper();

    /** How results are printed. */
    public enum Format {
        TABLE, JSON;

        static Format parse(Settings.Setting setting) {
            try {
                return valueOf(setting.value().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new CliException(ExitCode.USAGE, "output \"" + setting.value() + "\" from " + setting.source()
                        + " is neither table nor json");
            }
        }
    }

    /** A table column: its header and the model field it shows, a dotted path such as {@code termination.code}. */
    public record Column(String header, String path) {
        public static Column of(String path) {
            return new Column(path.replaceAll("([a-z])([A-Z])", "$1_$2").replace('.', '_').toUpperCase(Locale.ROOT), path);
        }

        public static Column of(String header, String path) {
            return new Column(header, path);
        }
    }

    private final Format format;
    private final PrintStream out;
    private final PrintStream err;

    public Output(Format format, PrintStream out, PrintStream err) {
        this.format = format;
        this.out = out;
        this.err = err;
    }

    public boolean json() {
        return format == Format.JSON;
    }

    /** One resource. */
    public void model(Object model) {
        if (json()) {
            out.println(write(model));
            return;
        }
        List<String[]> rows = new ArrayList<>();
        flatten("", tree(model), rows);
        int width = rows.stream().mapToInt(r -> r[0].length()).max().orElse(0);
        for (String[] row : rows) {
            out.println(pad(row[0], width) + "  " + row[1].replace("\n", "\n" + " ".repeat(width + 2)));
        }
    }

    /** Resources of one kind: an array in JSON (streamed as pages arrive), aligned columns in a table. */
    public void list(Stream<?> models, List<Column> columns) {
        if (json()) {
            try (SequenceWriter array = ModelJson.writer().writeValuesAsArray(new UnclosedStream(out))) {
                for (Iterator<?> it = models.iterator(); it.hasNext(); ) {
                    array.write(it.next());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            out.println();
            return;
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(columns.stream().map(Column::header).toArray(String[]::new));
        models.forEach(model -> {
            JsonNode node = tree(model);
            rows.add(columns.stream().map(c -> cell(at(node, c.path()))).toArray(String[]::new));
        });
        int[] widths = new int[columns.size()];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                line.append(i == row.length - 1 ? row[i] : pad(row[i], widths[i]) + "  ");
            }
            out.println(line.toString().stripTrailing());
        }
    }

    /** One JSON object a line in {@code json} (for streams such as logs); {@code text} in a table. */
    public void line(Object model, String text) {
        out.println(json() ? compact(model) : text);
    }

    /** A line for people on standard output, only in {@code table}: in {@code json} the exit status says it. */
    public void result(String text) {
        if (!json()) {
            out.println(text);
        }
    }

    /** A line for people on standard error, in either format. */
    public void note(String text) {
        err.println(text);
    }

    public PrintStream out() {
        return out;
    }

    public PrintStream err() {
        return err;
    }

    private static String write(Object model) {
        try {
            return ModelJson.writer().writeValueAsString(model);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String compact(Object model) {
        try {
            return ModelJson.compactWriter().writeValueAsString(model);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode tree(Object model) {
        try {
            return TREES.readTree(ModelJson.compactWriter().writeValueAsString(model));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode at(JsonNode node, String path) {
        JsonNode current = node;
        for (String part : path.split("\\.")) {
            current = current == null ? null : current.get(part);
        }
        return current;
    }

    private static void flatten(String prefix, JsonNode node, List<String[]> rows) {
        if (node.isObject() && !node.isEmpty()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                flatten(prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(), field.getValue(), rows);
            }
        } else if (node.isArray() && node.size() > 0 && !scalars(node)) {
            for (int i = 0; i < node.size(); i++) {
                flatten(prefix + "[" + i + "]", node.get(i), rows);
            }
        } else {
            rows.add(new String[] {prefix, cell(node)});
        }
    }

    private static boolean scalars(JsonNode array) {
        for (JsonNode item : array) {
            if (item.isContainerNode()) {
                return false;
            }
        }
        return true;
    }

    private static String cell(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return "-";
        }
        if (node.isArray() && scalars(node)) {
            List<String> items = new ArrayList<>();
            node.forEach(item -> items.add(item.asText()));
            return items.isEmpty() ? "-" : String.join(",", items);
        }
        if (node.isContainerNode()) {
            return node.toString();
        }
        return node.asText();
    }

    private static String pad(String text, int width) {
        return text.length() >= width ? text : text + " ".repeat(width - text.length());
    }

    /** Standard output stays open after a JSON array is written to it (Jackson closes what it finished writing). */
    private static final class UnclosedStream extends java.io.FilterOutputStream {
        UnclosedStream(PrintStream out) {
            super(out);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
