package com.lakesail.backend.service.session;

import com.lakesail.backend.domain.session.Placement;
import com.lakesail.backend.domain.session.Session;
import com.lakesail.backend.port.AccountAccess;
import com.lakesail.backend.port.Workload;
import com.lakesail.backend.port.WorkloadTarget;

/** A session as the {@link com.lakesail.backend.port.SessionRuntime} knows it: its id and where its engine runs. */
public final class SessionTargets {
    private SessionTargets() {
    }

    /** @throws IllegalStateException for a session whose engine was never placed */
    public static Workload workload(Session session) {
        Placement p = session.placement();
        if (p == null) {
            throw new IllegalStateException("session " + session.id() + " has no engine yet");
        }
        return new Workload(session.organizationId(), session.id(), new WorkloadTarget(session.clusterId(), p.clusterName(),
                p.region(), new AccountAccess(p.awsAccountId(), p.roleArn(), p.externalId())));
    }
}
