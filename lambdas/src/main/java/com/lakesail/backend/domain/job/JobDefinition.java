package com.lakesail.backend.domain.job;

import com.lakesail.backend.domain.ValidationException;
import com.lakesail.backend.domain.Validator;
import java.util.ArrayList;
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
 * @param schedule       when the version runs by itself while it is live and the job active; null for never
 * @param triggers       the events that start a run of it while it is live and the job active (DESIGN §11)
 */
public record JobDefinition(String clusterId, List<String> catalogIds, Entrypoint entrypoint, List<JobParameter> parameters,
                            Map<String, String> sparkConf, Compute compute, int timeoutSeconds, RunRetries retries,
                            JobSchedule schedule, List<JobTrigger> triggers) {
    public static final int DEFAULT_TIMEOUT_SECONDS = 86_400;
    public static final int MIN_TIMEOUT_SECONDS = 10;
    /** A week: a job that runs longer should be split, and the run's credential lives this long at most. */
    public static final int MAX_TIMEOUT_SECONDS = 604_800;
    public static final int MAX_CATALOGS = 20;
    public static final int MAX_PARAMETERS = JobParameter.MAX_PARAMETERS;
    public static final int MAX_SPARK_CONF = 100;
    /** Each trigger is an index entry written with the version going live, in one transaction. */
    public static final int MAX_TRIGGERS = 10;
    /**
     * Settings the platform owns, refused with every key they start: where Sail listens and how it
     * starts, its UI, its local directories, the catalogs. Holds at least what the local engine's
     * {@code SailSpec.isReserved} refuses (a test in {@code local} checks it).
     */
    public static final List<String> RESERVED_CONF = List.of("spark.master", "spark.connect.", "spark.driver.host",
            "spark.driver.bindAddress", "spark.driver.port", "spark.blockManager.port", "spark.plugins", "spark.ui.",
            "spark.local.dir", "spark.sql.warehouse.dir", "spark.sql.catalog.", "spark.lakesail.");

    public JobDefinition {
        catalogIds = List.copyOf(catalogIds);
        parameters = List.copyOf(parameters);
        sparkConf = Collections.unmodifiableMap(new TreeMap<>(sparkConf));
        triggers = triggers == null ? List.of() : List.copyOf(triggers);
    }

    /** A definition as a request carried it, before validation; null fields take their defaults. */
    public record Input(String clusterId, List<String> catalogIds, Entrypoint.Input entrypoint,
                        List<JobParameter.Input> parameters, Map<String, String> sparkConf, Compute.Input compute,
                        Integer timeoutSeconds, RunRetries.Input retries, JobSchedule.Input schedule,
                        List<JobTrigger.Input> triggers) {
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
        JobSchedule schedule = JobSchedule.validate(v, field + ".schedule", in.schedule());
        List<JobTrigger> triggers = triggers(v, field + ".triggers", in.triggers());
        if (schedule != null || !triggers.isEmpty()) {
            // A run that starts by itself has nobody to supply a parameter.
            for (int i = 0; i < parameters.size(); i++) {
                v.require(parameters.get(i).defaultValue() != null, field + ".parameters[" + i + "].default",
                        "is required: runs started by a schedule or a trigger take every parameter's default");
            }
        }
        if (!v.valid()) {
            return null;
        }
        return new JobDefinition(in.clusterId(), catalogs, entrypoint, parameters, conf, compute, timeout, retries,
                schedule, triggers);
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

    private static List<JobTrigger> triggers(Validator v, String field, List<JobTrigger.Input> inputs) {
        if (inputs == null) {
            return List.of();
        }
        v.require(inputs.size() <= MAX_TRIGGERS, field, "must hold at most " + MAX_TRIGGERS + " triggers");
        List<JobTrigger> out = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            JobTrigger t = inputs.get(i) == null ? null : JobTrigger.validate(v, field + "[" + i + "]", inputs.get(i));
            v.require(inputs.get(i) != null, field + "[" + i + "]", "must be an object");
            if (t != null) {
                out.add(t);
            }
        }
        return out;
    }

    private static void sparkConf(Validator v, String field, Map<String, String> conf) {
        v.require(conf.size() <= MAX_SPARK_CONF, field, "must hold at most " + MAX_SPARK_CONF + " settings");
        for (Map.Entry<String, String> e : new TreeMap<>(conf).entrySet()) {
            String key = e.getKey();
            v.require(key.startsWith("spark.") && key.length() <= 256, field + "." + key, "must be a spark.* setting");
            v.require(RESERVED_CONF.stream().noneMatch(key::startsWith),
                    field + "." + key, "is set by LakeSail and cannot be overridden");
            v.require(e.getValue() != null && e.getValue().length() <= 4096, field + "." + key,
                    "must be a string of at most 4096 characters");
        }
    }
}
