package com.lakesail.sdk;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.lakesail.sdk.internal.SdkJson;

/**
 * The SDK's models as the API writes them: lower camelCase fields (exactly a record's components,
 * no derived {@code isX()} values), enums in lower snake case, instants as ISO-8601 strings, absent
 * values left out. For tools that print or store models (the {@code lakesail} command line's
 * {@code --output json}) and read request files.
 *
 * <pre>{@code
 * String json = ModelJson.writer().writeValueAsString(lakesail.clusters().get(id));
 * JobDefinition definition = ModelJson.strictReader(JobDefinition.class).readValue(file.toFile());
 * }</pre>
 */
public final class ModelJson {
    private static final ObjectMapper MODELS = SdkJson.mapper().copy()
            // Records are written by their components; helpers like JobRun.isTerminalFailure() are not fields.
            .setVisibility(PropertyAccessor.IS_GETTER, JsonAutoDetect.Visibility.NONE);
    private static final ObjectWriter WRITER = MODELS.writer().with(SerializationFeature.INDENT_OUTPUT);
    private static final ObjectWriter COMPACT = MODELS.writer().without(SerializationFeature.INDENT_OUTPUT);

    private ModelJson() {
    }

    /** Writes models indented, one field a line. Immutable and thread-safe. */
    public static ObjectWriter writer() {
        return WRITER;
    }

    /** Writes models on one line each, e.g. for JSON lines. */
    public static ObjectWriter compactWriter() {
        return COMPACT;
    }

    /**
     * Reads {@code type} strictly: an unknown or mistyped field is an error naming it (where the
     * SDK's own responses ignore fields a newer service adds), so a typo in a file is not dropped.
     */
    public static ObjectReader strictReader(Class<?> type) {
        return MODELS.readerFor(type).with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .with(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    }
}
