package com.lakesail.backend.aws;

import com.lakesail.backend.port.AccountAccess;
import com.lakesail.backend.port.CloudAccessDeniedException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.StsException;

/**
 * Sessions in customers' accounts: the account's role assumed with its ExternalId, one session per
 * account shared by everything the function does there (stacks, the cluster's agent), reused while
 * a warm Lambda holds it and renewed {@link #RENEW_BEFORE} before it expires.
 */
public final class AccountSessions {
    static final String SESSION_NAME = "lakesail-control-plane";
    /** STS's minimum session: stages are short, and a leaked session dies soon. */
    static final Duration SESSION = Duration.ofMinutes(15);
    static final Duration RENEW_BEFORE = Duration.ofMinutes(5);

    private final Supplier<StsClient> sts;
    private final Clock clock;
    private final Map<AccountAccess, Credentials> sessions = new ConcurrentHashMap<>();

    /** @param sts built on the first session asked for, so a function that needs none builds no client */
    public AccountSessions(Supplier<StsClient> sts, Clock clock) {
        this.sts = sts;
        this.clock = clock;
    }

    /** The account's session, assumed now unless a cached one has more than {@link #RENEW_BEFORE} to live. */
    public StaticCredentialsProvider credentials(AccountAccess access) {
        Credentials cached = sessions.get(access);
        if (cached == null || !clock.instant().plus(RENEW_BEFORE).isBefore(cached.expiration())) {
            cached = assume(access, access.externalId()).credentials();
            sessions.put(access, cached);
        }
        return provider(cached);
    }

    /** Assumes the role afresh (the cached session is dropped first), so a verification sees today's trust policy. */
    AssumeRoleResponse assumeFresh(AccountAccess access) {
        sessions.remove(access);
        AssumeRoleResponse assumed = assume(access, access.externalId());
        sessions.put(access, assumed.credentials());
        return assumed;
    }

    /** Whether the role lets us in without the ExternalId: a role any tenant could reach through us. */
    boolean assumableWithoutExternalId(AccountAccess access) {
        try {
            sts.get().assumeRole(b -> b.roleArn(access.roleArn()).roleSessionName(SESSION_NAME)
                    .durationSeconds((int) SESSION.toSeconds()));
            return true;
        } catch (StsException e) {
            if (denied(e)) {
                return false;
            }
            throw AwsErrors.map("AssumeRole " + access.roleArn(), e);
        } catch (SdkException e) {
            throw AwsErrors.map("AssumeRole " + access.roleArn(), e);
        }
    }

    /**
     * @throws CloudAccessDeniedException when the role cannot be assumed
     * @throws com.lakesail.backend.port.CloudProviderException when STS fails otherwise
     */
    private AssumeRoleResponse assume(AccountAccess access, String externalId) {
        try {
            return sts.get().assumeRole(b -> b.roleArn(access.roleArn()).externalId(externalId)
                    .roleSessionName(SESSION_NAME).durationSeconds((int) SESSION.toSeconds()));
        } catch (StsException e) {
            if (denied(e)) {
                throw new CloudAccessDeniedException("cannot assume " + access.roleArn() + ": " + AwsErrors.message(e), e);
            }
            throw AwsErrors.map("AssumeRole " + access.roleArn(), e);
        } catch (SdkException e) {
            throw AwsErrors.map("AssumeRole " + access.roleArn(), e);
        }
    }

    private static boolean denied(StsException e) {
        return e.statusCode() == 403 || "AccessDenied".equals(AwsErrors.code(e));
    }

    private static StaticCredentialsProvider provider(Credentials c) {
        return StaticCredentialsProvider.create(AwsSessionCredentials.builder().accessKeyId(c.accessKeyId())
                .secretAccessKey(c.secretAccessKey()).sessionToken(c.sessionToken()).expirationTime(c.expiration()).build());
    }
}
