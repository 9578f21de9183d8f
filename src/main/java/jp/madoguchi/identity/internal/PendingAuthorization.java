package jp.madoguchi.identity.internal;

import java.io.Serializable;
import java.time.Instant;

/**
 * An OpenID Connect sign-in in progress, kept in the session between the redirect to the provider and the
 * callback.
 *
 * @param state the {@code state} sent (ties the callback to this browser session)
 * @param nonce the {@code nonce} sent (ties the ID token to this request)
 * @param codeVerifier the PKCE code verifier (its S256 challenge was sent)
 * @param next where to go after sign-in (a local path)
 * @param startedAt when the redirect was made
 */
public record PendingAuthorization(String state, String nonce, String codeVerifier, String next, Instant startedAt)
        implements Serializable {
}
