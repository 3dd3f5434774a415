package com.lakesail.backend.domain.job;

import com.lakesail.backend.domain.ValidationException;
import com.lakesail.backend.domain.Validator;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one job version runs, validated (DESIGN §9). The ids it names are checked against the
 * organization by the service, which can read them; everything else is checked here.
 *
 * <pre>{@code
 * Validator v = new Validator();
 * JobDefinition d = JobDefinition.validate(v, "definition", input);
 * v.throwIfInvalid();
 * }</pre>
 *
 * @param catalogIds     the catalogs the run's Sail is configured with, in order
 * @param sparkConf      extra Spark settings for the run's Sail ({@code spark.*})
 * @param timeoutSeconds how long the running stage may take before the run ends {@code timeout}
 */
public record JobDefinition(String clusterId, List<String> catalogIds, Entrypoint entrypoint, List<JobParameter> parameters,
                            Map<String, String> sparkConf, Compute compute, int timeoutSeconds, RunRetries retries) {
    public static final int DEFAULT_TIMEOUT_SECONDS = 86_400;
    public static final int MIN_TIMEOUT_SECONDS = 10;
    /** A week: a job that runs longer should be split, and the run's credential lives this long at most. */
    public static final int MAX_TIMEOUT_SECONDS = 604_800;
    public static final int MAX_CATALOGS = 20;
    public static final int MAX_PARAMETERS = JobParameter.MAX_PARAMETERS;
    public static final int MAX_SPARK_CONF = 100;
    /** Settings the platform owns: where Sail listens and how it starts. */
    private static final List<String> RESERVED_CONF = List.of("spark.master", "spark.connect.", "spark.driver.host",
            "spark.driver.bindAddress", "spark.driver.port", "spark.plugins", "spark.sql.catalog.");

    public JobDefinition {
        catalogIds = List.copyOf(catalogIds);
        parameters = List.copyOf(parameters);
        sparkConf = Collections.unmodifiableMap(new TreeMap<>(sparkConf));
    }

    /** A definition as a request carried it, before validation; null fields take their defaults. */
    public record Input(String clusterId, List<String> catalogIds, Entrypoint.Input entrypoint,
                        List<JobParameter.Input> parameters, Map<String, String> sparkConf, Compute.Input compute,
                        Integer timeoutSeconds, RunRetries.Input retries) {
    }

    /** The definition {@code in} describes; errors are recorded in {@code v} under {@code field}. */
    public static JobDefinition validate(Validator v, String field, Input in) {
        if (in == null) {
            v.require(false, field, "is required");
            return null;
        }
        v.require(in.clusterId() != null && !in.clusterId().isBlank(), field + ".clusterId", "is required");
        List<String> catalogs = in.catalogIds() == null ? List.of() : in.catalogIds();
        v.require(catalogs.size() <= MAX_CATALOGS, field + ".catalogIds", "must name at most " + MAX_CATALOGS + " catalogs");
        v.require(new HashSet<>(catalogs).size() == catalogs.size(), field + ".catalogIds", "must not repeat a catalog");
        Entrypoint entrypoint = Entrypoint.validate(v, field + ".entrypoint", in.entrypoint());
        List<JobParameter> parameters = JobParameter.validateAll(v, field + ".parameters", in.parameters());
        Map<String, String> conf = in.sparkConf() == null ? Map.of() : in.sparkConf();
        sparkConf(v, field + ".sparkConf", conf);
        Compute compute = Compute.validate(v, field + ".compute", in.compute());
        int timeout = in.timeoutSeconds() == null ? DEFAULT_TIMEOUT_SECONDS : in.timeoutSeconds();
        v.range(field + ".timeoutSeconds", timeout, MIN_TIMEOUT_SECONDS, MAX_TIMEOUT_SECONDS);
        RunRetries retries = RunRetries.validate(v, field + ".retries", in.retries());
        if (!v.valid()) {
            return null;
        }
        return new JobDefinition(in.clusterId(), catalogs, entrypoint, parameters, conf, compute, timeout, retries);
    }

    /**
     * The parameters a run gets: the declared defaults, overridden by {@code given}.
     *
     * @throws ValidationException naming {@code parameters.<name>} for an undeclared parameter, a value
     *     of the wrong type, or a parameter without default that was not given
     */
    public Map<String, Object> resolveParameters(Map<String, Object> given) {
        return JobParameter.resolve(parameters, given, "this job version");
    }

    private static void sparkConf(Validator v, String field, Map<String, String> conf) {
        v.require(conf.size() <= MAX_SPARK_CONF, field, "must hold at most " + MAX_SPARK_CONF + " settings");
        for (Map.Entry<String, String> e : new TreeMap<>(conf).entrySet()) {
            String key = e.getKey();
            v.require(key.startsWith("spark.") && key.length() <= 256, field + "." + key, "must be a spark.* setting");
            v.require(RESERVED_CONF.stream().noneMatch(r -> r.endsWith(".") ? key.startsWith(r) : key.equals(r)),
                    field + "." + key, "is set by LakeSail and cannot be overridden");
            v.require(e.getValue() != null && e.getValue().length() <= 4096, field + "." + key,
                    "must be a string of at most 4096 characters");
        }
    }
}
