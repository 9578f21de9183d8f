package jp.madoguchi.identity.internal;

import java.security.cert.X509CRL;
import java.time.Instant;
import java.util.Optional;

/** Where a certificate revocation list (失効情報, CRL) comes from. */
interface CrlSource {

    /** The CRL as last read, re-read when it is due ({@code nextUpdate} passed, file changed); empty if none. */
    Optional<X509CRL> current(Instant now);

    /** The location, for the log. */
    String description();
}
