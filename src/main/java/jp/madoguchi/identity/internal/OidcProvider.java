package jp.madoguchi.identity.internal;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The configured OpenID Connect relying party, if {@code madoguchi.identity.oidc.enabled}. Tests in this package
 * may put another in its place for a while ({@link #replace}), to run the sign-in pages against a provider of their
 * own without a second application context.
 */
class OidcProvider {

    private final AtomicReference<OidcRelyingParty> current;

    OidcProvider(OidcRelyingParty relyingParty) {
        this.current = new AtomicReference<>(relyingParty);
    }

    Optional<OidcRelyingParty> current() {
        return Optional.ofNullable(current.get());
    }

    /** Puts {@code replacement} (or none) in place and returns the previous one; for tests. */
    OidcRelyingParty replace(OidcRelyingParty replacement) {
        return current.getAndSet(replacement);
    }
}
