package com.lakesail.backend.domain.job;

import com.lakesail.backend.domain.Validator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a run executes. One record for the three shapes, so it is stored and shown as one object:
 *
 * <pre>
 * {"type": "sql", "statements": ["CREATE TABLE ...", "SELECT ..."]}
 * {"type": "sql", "queryId": "qry_..."}                  (a saved query, once queries exist)
 * {"type": "jar", "location": "s3://bucket/app.jar", "mainClass": "com.acme.Main", "arguments": ["a"]}
 * </pre>
 *
 * SQL statements run in order in one Spark session; parameters bind as Spark named parameters
 * ({@code :day}), never by string concatenation.
 */
public record Entrypoint(EntrypointType type, List<String> statements, String queryId, String location,
                         String mainClass, List<String> arguments) {
    public static final int MAX_STATEMENTS = 100;
    public static final int MAX_ARGUMENTS = 100;
    private static final Pattern CLASS_NAME = Pattern.compile("([\\p{L}_$][\\p{L}\\p{N}_$]*\\.)*[\\p{L}_$][\\p{L}\\p{N}_$]*");
    private static final Pattern LOCATION = Pattern.compile("(s3://[a-z0-9.-]{3,63}/|file:/|/)\\S*");

    public Entrypoint {
        statements = statements == null ? null : List.copyOf(statements);
        arguments = arguments == null ? null : List.copyOf(arguments);
    }

    public static Entrypoint sql(List<String> statements) {
        return new Entrypoint(EntrypointType.SQL, statements, null, null, null, null);
    }

    public static Entrypoint savedQuery(String queryId) {
        return new Entrypoint(EntrypointType.SQL, null, queryId, null, null, null);
    }

    public static Entrypoint jar(String location, String mainClass, List<String> arguments) {
        return new Entrypoint(EntrypointType.JAR, null, null, location, mainClass, arguments == null ? List.of() : arguments);
    }

    /** Raw entrypoint fields as a request carried them. */
    public record Input(String type, List<String> statements, String queryId, String location, String mainClass,
                        List<String> arguments) {
    }

    /** The entrypoint {@code in} describes, or null after recording its errors under {@code field}. */
    static Entrypoint validate(Validator v, String field, Input in) {
        if (in == null) {
            v.require(false, field, "is required: {\"type\": \"sql\", \"statements\": [...]} or {\"type\": \"jar\", ...}");
            return null;
        }
        if ("sql".equals(in.type())) {
            v.require(in.location() == null && in.mainClass() == null && in.arguments() == null, field,
                    "an sql entrypoint takes statements or a queryId, not location, mainClass or arguments");
            if (in.queryId() != null) {
                v.require(in.statements() == null, field, "takes statements or a queryId, not both");
                return savedQuery(in.queryId());
            }
            List<String> statements = in.statements();
            if (statements == null || statements.isEmpty()) {
                v.require(false, field + ".statements", "must hold at least one SQL statement");
                return null;
            }
            v.require(statements.size() <= MAX_STATEMENTS, field + ".statements", "must hold at most " + MAX_STATEMENTS
                    + " statements");
            for (int i = 0; i < statements.size(); i++) {
                v.require(!statements.get(i).isBlank(), field + ".statements[" + i + "]", "must not be empty");
            }
            return sql(statements);
        }
        if ("jar".equals(in.type())) {
            v.require(in.statements() == null && in.queryId() == null, field,
                    "a jar entrypoint takes location, mainClass and arguments, not statements or a queryId");
            v.require(in.location() != null && LOCATION.matcher(in.location()).matches() && in.location().length() <= 2048,
                    field + ".location", "must be an s3://bucket/key URI, a file: URI or an absolute path");
            v.require(in.mainClass() != null && !in.mainClass().isBlank(), field + ".mainClass",
                    "is required: the class whose main method runs");
            v.require(in.mainClass() == null || in.mainClass().isBlank() || CLASS_NAME.matcher(in.mainClass()).matches(),
                    field + ".mainClass", "must be a fully qualified Java class name");
            v.require(in.arguments() == null || in.arguments().size() <= MAX_ARGUMENTS, field + ".arguments",
                    "must hold at most " + MAX_ARGUMENTS + " arguments");
            return jar(in.location(), in.mainClass(), in.arguments());
        }
        v.require(false, field + ".type", "must be sql or jar");
        return null;
    }
}
