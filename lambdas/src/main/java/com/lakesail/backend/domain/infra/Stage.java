package com.lakesail.backend.domain.infra;

/**
 * The named steps of the infrastructure workflows. Each is one workflow task and one call on the
 * cloud or compute port, so a failure is recorded with the stage it stopped at, and the sandbox
 * cloud can be told to fail at any of them.
 *
 * <p>{@link #progress()} is the lifecycle's progress (0..100) on entering the stage; a provisioning
 * run goes {@code CREATE_STACK → WAIT_FOR_CREATE → (BOOTSTRAP_KUBERNETES) → active}.
 */
public enum Stage {
    VERIFY_ROLE(50),
    CREATE_STACK(5),
    WAIT_FOR_CREATE(10),
    BOOTSTRAP_KUBERNETES(90),
    UPDATE_STACK(5),
    WAIT_FOR_UPDATE(10),
    DELETE_STACK(5),
    WAIT_FOR_DELETE(10);

    private final int progress;

    Stage(int progress) {
        this.progress = progress;
    }

    public int progress() {
        return progress;
    }
}
