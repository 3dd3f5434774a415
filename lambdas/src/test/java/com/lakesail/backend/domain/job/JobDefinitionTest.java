package com.lakesail.backend.domain.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.lakesail.backend.domain.FieldError;
import com.lakesail.backend.domain.ValidationException;
import com.lakesail.backend.domain.Validator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JobDefinitionTest {
    private static final Entrypoint.Input SQL = new Entrypoint.Input("sql", List.of("SELECT 1"), null, null, null, null);

    private static JobDefinition.Input input(Entrypoint.Input entrypoint) {
        return new JobDefinition.Input("clu_1", null, entrypoint, null, null, null, null, null, null, null);
    }

    private static List<String> errors(JobDefinition.Input input) {
        Validator v = new Validator();
        JobDefinition.validate(v, "definition", input);
        try {
            v.throwIfInvalid();
            return List.of();
        } catch (ValidationException e) {
            return e.details().stream().map(FieldError::field).toList();
        }
    }

    @Test
    void validate_whenOnlyClusterAndStatements_fillsTheDefaults() {
        Validator v = new Validator();
        JobDefinition d = JobDefinition.validate(v, "definition", input(SQL));

        assertEquals(List.of(), d.catalogIds());
        assertEquals(Compute.DEFAULT, d.compute());
        assertEquals(RunRetries.NONE, d.retries());
        assertEquals(JobDefinition.DEFAULT_TIMEOUT_SECONDS, d.timeoutSeconds());
        assertEquals(Entrypoint.sql(List.of("SELECT 1")), d.entrypoint());
    }

    @Test
    void validate_whenTheEntrypointIsMissingOrEmpty_namesIt() {
        assertEquals(List.of("definition.entrypoint"), errors(input(null)));
        assertEquals(List.of("definition.entrypoint.statements"),
                errors(input(new Entrypoint.Input("sql", List.of(), null, null, null, null))));
        assertEquals(List.of("definition.entrypoint.type"),
                errors(input(new Entrypoint.Input("python", null, null, null, null, null))));
        assertEquals(List.of("definition.entrypoint"),
                errors(input(new Entrypoint.Input("sql", List.of("SELECT 1"), "qry_1", null, null, null))));
    }

    @Test
    void validate_whenAJarLacksItsMainClassOrLocation_namesThem() {
        assertEquals(List.of("definition.entrypoint.location", "definition.entrypoint.mainClass"),
                errors(input(new Entrypoint.Input("jar", null, null, "http://x/app.jar", null, null))));
        assertEquals(List.of("definition.entrypoint.mainClass"),
                errors(input(new Entrypoint.Input("jar", null, null, "/opt/app.jar", "com.acme.1Main", null))));
        assertEquals(List.of(), errors(input(new Entrypoint.Input("jar", null, null, "s3://acme-jobs/app.jar",
                "com.acme.Main", List.of("--day", "2026-01-01")))));
    }

    @Test
    void validate_whenTimeoutIsNegativeOrTooLong_namesIt() {
        for (int timeout : List.of(-1, 0, 9, JobDefinition.MAX_TIMEOUT_SECONDS + 1)) {
            assertEquals(List.of("definition.timeoutSeconds"), errors(new JobDefinition.Input("clu_1", null, SQL, null,
                    null, null, timeout, null, null, null)), "timeout " + timeout);
        }
    }

    @Test
    void validate_whenParametersRepeatOrHaveBadDefaults_namesEach() {
        List<JobParameter.Input> parameters = List.of(new JobParameter.Input("day", "date", "tomorrow"),
                new JobParameter.Input("day", "string", null), new JobParameter.Input("1x", "bigint", 3),
                new JobParameter.Input("n", "float", null));
        assertEquals(List.of("definition.parameters[0].default", "definition.parameters[1].name",
                "definition.parameters[2].name", "definition.parameters[3].type"),
                errors(new JobDefinition.Input("clu_1", null, SQL, parameters, null, null, null, null, null, null)));
    }

    @Test
    void validate_whenSparkConfTouchesWhatLakeSailSets_refusesIt() {
        Map<String, String> conf = Map.of("spark.sql.shuffle.partitions", "8", "spark.connect.grpc.binding.port", "1",
                "spark.sql.catalog.lake", "x", "hadoop.fs", "y");
        assertEquals(List.of("definition.sparkConf.hadoop.fs", "definition.sparkConf.spark.connect.grpc.binding.port",
                "definition.sparkConf.spark.sql.catalog.lake"),
                errors(new JobDefinition.Input("clu_1", null, SQL, null, conf, null, null, null, null, null)));
    }

    @Test
    void resolveParameters_whenGiven_overridesDefaultsAndRefusesTheUndeclared() {
        JobDefinition d = JobDefinition.validate(new Validator(), "definition", new JobDefinition.Input("clu_1", null, SQL,
                List.of(new JobParameter.Input("n", "bigint", 10), new JobParameter.Input("ratio", "double", null)),
                null, null, null, null, null, null));

        assertEquals(Map.of("n", 10L, "ratio", 0.5), d.resolveParameters(Map.of("ratio", 0.5)));
        assertEquals(Map.of("n", 3L, "ratio", 2.0), d.resolveParameters(Map.of("n", 3L, "ratio", 2L)),
                "an integer is a fine double");
        ValidationException e = assertThrows(ValidationException.class,
                () -> d.resolveParameters(Map.of("limit", 1L, "n", "3")));
        assertEquals(List.of("parameters.limit", "parameters.n", "parameters.ratio"),
                e.details().stream().map(FieldError::field).toList());
    }

    @Test
    void parameterType_whenCoercing_acceptsOnlyItsJsonShape() {
        assertEquals(5L, ParameterType.BIGINT.coerce(5));
        assertEquals(null, ParameterType.BIGINT.coerce(5.5));
        assertEquals(null, ParameterType.DATE.coerce("2026-02-29"), "2026 has no 29 February");
        assertEquals("2028-02-29", ParameterType.DATE.coerce("2028-02-29"));
        assertEquals("2026-01-01T00:00:00Z", ParameterType.TIMESTAMP.coerce("2026-01-01T00:00:00Z"));
        assertEquals(null, ParameterType.TIMESTAMP.coerce("2026-01-01 00:00"));
        assertEquals(true, ParameterType.BOOLEAN.coerce(true));
        assertEquals(null, ParameterType.STRING.coerce(1L));
    }
}
