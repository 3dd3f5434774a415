package com.lakesail.backend.port;

import java.util.Optional;

/**
 * The customer's cloud, as the infrastructure workflows use it (DESIGN §5). AWS in the deployed
 * system (STS, CloudFormation, EKS), the sandbox cloud in the embedded one.
 *
 * <p>Each method is one named stage ({@link com.lakesail.backend.domain.infra.Stage}) and safe to
 * call again when Step Functions retries it: creates and updates carry a ClientRequestToken,
 * deleting a deleted stack is a no-op, and reads change nothing.
 *
 * <pre>{@code
 * cloud.verifyRole(access);                                             // VERIFY_ROLE
 * cloud.createStack(InfraStacks.network(access, network, token));       // CREATE_STACK
 * StackState s = cloud.describeStack(ref).orElseThrow();                // WAIT_FOR_CREATE, until settled
 * }</pre>
 *
 * <p>Every method throws {@link CloudAccessDeniedException} when the role cannot be assumed, and
 * {@link CloudProviderException} when a call fails; {@code retryable()} says whether to retry.
 */
public interface CloudProvider {

    /**
     * Assumes the role with its ExternalId and checks the session's account is the stated one.
     *
     * @throws CloudAccessDeniedException with the reason, when either check fails
     */
    void verifyRole(AccountAccess access);

    /**
     * Starts creating a stack; a repeat with the same token, or a stack of that name that already
     * exists, is answered with the existing stack's id.
     *
     * @return the stack id
     */
    String createStack(StackRequest request);

    /**
     * Starts updating a stack to the request's parameters; when nothing would change the stack is
     * left alone and the call still succeeds (the wait stage then sees it complete).
     *
     * @return the stack id
     */
    String updateStack(StackRequest request);

    /** Starts deleting a stack; a stack that does not exist counts as deleted. */
    void deleteStack(StackRef ref, String clientRequestToken);

    /** The stack's state, or empty when no stack of that name exists (never created, or deleted). */
    Optional<StackState> describeStack(StackRef ref);
}
