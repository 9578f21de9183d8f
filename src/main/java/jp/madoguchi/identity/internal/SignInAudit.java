package jp.madoguchi.identity.internal;

import java.util.HashMap;
import java.util.Map;
import jp.madoguchi.audit.AuditEvent;
import jp.madoguchi.audit.AuditTrail;
import jp.madoguchi.audit.Channel;
import jp.madoguchi.identity.ResidentIdentity;
import jp.madoguchi.platform.ServedMunicipality;
import jp.madoguchi.platform.TenantContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Audit events of residents' sign-ins, in the tenant of the municipality the portal serves: {@code
 * resident.signed-in}, {@code resident.sign-in-refused}, {@code resident.signed-out}. The resident is named by
 * provider and subject (an identifier), never by name; a refusal records the problem code.
 */
@Component
class SignInAudit {

    private static final Logger log = LoggerFactory.getLogger(SignInAudit.class);

    private final AuditTrail audit;
    private final ServedMunicipality served;
    private final TransactionTemplate transactions;

    SignInAudit(AuditTrail audit, ServedMunicipality served, TransactionTemplate transactions) {
        this.audit = audit;
        this.served = served;
        this.transactions = transactions;
    }

    void signedIn(ResidentIdentity identity, String via) {
        log.info("Resident signed in: provider={} demo={}", identity.provider(), identity.demo());
        record("resident.signed-in", actor(identity), via, Map.of("provider", identity.provider()));
    }

    void refused(String provider, SignInProblem problem, String via) {
        Map<String, Object> details = new HashMap<>();
        details.put("provider", provider);
        details.put("problem", problem.code());
        record("resident.sign-in-refused", new AuditEvent.Actor(AuditEvent.Actor.Kind.RESIDENT, null, null), via,
                details);
    }

    void signedOut(ResidentIdentity identity, String via) {
        log.info("Resident signed out: provider={}", identity.provider());
        record("resident.signed-out", actor(identity), via, Map.of("provider", identity.provider()));
    }

    private static AuditEvent.Actor actor(ResidentIdentity identity) {
        return new AuditEvent.Actor(AuditEvent.Actor.Kind.RESIDENT, identity.provider() + ":" + identity.subject(),
                null);
    }

    private void record(String type, AuditEvent.Actor actor, String via, Map<String, Object> details) {
        var municipality = served.current();
        if (municipality.isEmpty()) {
            log.warn("Sign-in event not audited: the portal serves no municipality (event={})", type);
            return;
        }
        TenantContext.runAs(municipality.get().code(), () -> transactions.executeWithoutResult(status ->
                audit.record(new AuditEvent(type, actor, Channel.ONLINE, null, null, null, via, details))));
    }
}
