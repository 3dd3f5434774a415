package com.lakesail.local.sandbox;

import com.lakesail.backend.domain.Wire;
import com.lakesail.backend.domain.infra.InfraKind;
import com.lakesail.backend.domain.infra.Stage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where the sandbox cloud fails on purpose, for tests and demos: a list of
 * {@code kind:name:stage} entries separated by commas, e.g.
 * {@code cluster:prod:create_stack,network:*:wait_for_delete}.
 *
 * <p>{@code kind} is {@code cloud_account}, {@code network}, {@code cluster} or {@code catalog};
 * {@code name} is the resource's name ({@code *} for any) and, for a cloud account, which has no
 * name on the cloud side, its AWS account id; {@code stage} is a {@link Stage} in lower snake case.
 */
public final class SandboxFaults {
    public static final String PROPERTY = "lakesail.sandbox.faults";
    public static final String ENVIRONMENT = "LAKESAIL_SANDBOX_FAULTS";

    private final List<Fault> faults;

    private SandboxFaults(List<Fault> faults) {
        this.faults = List.copyOf(faults);
    }

    public static SandboxFaults none() {
        return new SandboxFaults(List.of());
    }

    public static SandboxFaults of(Fault... faults) {
        return new SandboxFaults(List.of(faults));
    }

    /** @throws IllegalArgumentException naming the first malformed entry */
    public static SandboxFaults parse(String spec) {
        List<Fault> faults = new ArrayList<>();
        if (spec != null) {
            for (String entry : spec.split(",")) {
                if (!entry.isBlank()) {
                    faults.add(Fault.parse(entry.strip()));
                }
            }
        }
        return new SandboxFaults(faults);
    }

    /** From the system property {@value #PROPERTY}, else the environment variable {@value #ENVIRONMENT}. */
    public static SandboxFaults fromEnvironment() {
        String spec = System.getProperty(PROPERTY);
        return parse(spec != null ? spec : System.getenv(ENVIRONMENT));
    }

    /** The fault planted for this resource at this stage, if any, naming the resource even when planted for {@code *}. */
    public Optional<Fault> at(InfraKind kind, String name, Stage stage) {
        return faults.stream().filter(f -> f.kind() == kind && f.stage() == stage
                && (f.name().equals("*") || f.name().equals(name))).findFirst()
                .map(f -> new Fault(kind, name, stage));
    }

    public List<Fault> faults() {
        return faults;
    }

    /** One planted failure. */
    public record Fault(InfraKind kind, String name, Stage stage) {

        static Fault parse(String entry) {
            String[] parts = entry.split(":", -1);
            InfraKind kind = parts.length == 3 ? Wire.parse(InfraKind.class, parts[0]) : null;
            Stage stage = parts.length == 3 ? Wire.parse(Stage.class, parts[2]) : null;
            if (kind == null || stage == null || parts[1].isEmpty()) {
                throw new IllegalArgumentException("sandbox fault '" + entry + "' is not kind:name:stage, e.g. cluster:prod:create_stack");
            }
            return new Fault(kind, parts[1], stage);
        }

        /** The failure reason the resource ends up with. */
        public String reason() {
            return "injected fault: " + Wire.name(kind) + " " + name + " fails at " + Wire.name(stage);
        }
    }
}
