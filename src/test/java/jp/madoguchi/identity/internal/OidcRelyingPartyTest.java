package jp.madoguchi.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import jp.madoguchi.identity.ResidentIdentity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OpenID Connect relying party against {@link FakeOpenIdProvider}: the full authorization code flow with PKCE,
 * and each way an answer can be wrong, refused with its problem (whose Japanese message the sign-in page shows).
 */
class OidcRelyingPartyTest {

    FakeOpenIdProvider op;
    MutableClock clock = new MutableClock(Instant.now());

    @BeforeEach
    void start() throws Exception {
        op = new FakeOpenIdProvider(TestPki.key(0));
    }

    @AfterEach
    void stop() {
        op.close();
    }

    static OidcProperties properties(String issuer, OidcProperties.ClientAuthMethod method, Path key,
            boolean userinfo) {
        return new OidcProperties(true, URI.create(issuer), FakeOpenIdProvider.CLIENT_ID, method,
                FakeOpenIdProvider.CLIENT_SECRET, key, key == null ? null : "client-key-1", null, null, null,
                "https://portal.example.lg.jp", null, "デジタル認証アプリでログイン", userinfo, Map.of(), null,
                Duration.ofSeconds(5));
    }

    OidcRelyingParty relyingParty() {
        return new OidcRelyingParty(properties(op.issuer(), null, null, false), clock);
    }

    /** Runs the flow: begin, the provider's answer (tweaked), complete. */
    OidcRelyingParty.Completed signIn(OidcRelyingParty rp, FakeOpenIdProvider.Tweak tweak) throws Exception {
        OidcRelyingParty.Start start = rp.begin("/apply/jidou-teate");
        String callback = op.authorize(start.redirect(), tweak);
        return rp.complete(callback,
                List.of(start.pending()));
    }

    SignInProblem refusal(OidcRelyingParty rp, FakeOpenIdProvider.Tweak tweak) {
        try {
            signIn(rp, tweak);
        } catch (OidcSignInException e) {
            return e.problem();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("sign-in was not refused");
    }

    @Test
    void aResidentSignsInWithTheFourFactsMapped() throws Exception {
        OidcRelyingParty.Completed done = signIn(relyingParty(), new FakeOpenIdProvider.Tweak());

        ResidentIdentity identity = done.identity();
        assertThat(identity.provider()).isEqualTo("oidc");
        assertThat(identity.subject()).startsWith("sub-");
        assertThat(identity.name()).isEqualTo("窓口　太郎");
        assertThat(identity.nameKana()).isEqualTo("マドグチ　タロウ");
        assertThat(identity.birthDate()).isEqualTo(LocalDate.of(1985, 7, 7));
        assertThat(identity.sex()).isEqualTo("男性");
        assertThat(identity.address()).isEqualTo("長野県窓口町本町一丁目2番3号");
        assertThat(identity.email()).isEqualTo("taro@example.jp");
        assertThat(identity.demo()).isFalse();
        assertThat(done.pending().next()).isEqualTo("/apply/jidou-teate");
        assertThat(op.lastClientAuthentication).isEqualTo("client_secret_basic");
        assertThat(op.lastPkceChecked).isTrue();
    }

    @Test
    void theProviderChecksThePkceVerifier() throws Exception {
        OidcRelyingParty rp = relyingParty();
        OidcRelyingParty.Start start = rp.begin(null);
        String callback = op.authorize(start.redirect(), new FakeOpenIdProvider.Tweak());
        PendingAuthorization p = start.pending();
        PendingAuthorization wrongVerifier = new PendingAuthorization(p.state(), p.nonce(),
                new com.nimbusds.oauth2.sdk.pkce.CodeVerifier().getValue(), p.next(), p.startedAt());

        assertThatThrownBy(() -> rp.complete(callback, List.of(wrongVerifier)))
                .isInstanceOfSatisfying(OidcSignInException.class,
                        e -> assertThat(e.problem()).isEqualTo(SignInProblem.TOKEN_REFUSED));
        assertThat(op.lastPkceChecked).isFalse();
    }

    @Test
    void aTokenForAnotherNonceIsRefused() {
        assertThat(refusal(relyingParty(), FakeOpenIdProvider.tweak(t -> t.nonce = "replayed-nonce")))
                .isEqualTo(SignInProblem.TOKEN_NONCE);
    }

    @Test
    void aTokenFromAnotherIssuerIsRefused() {
        assertThat(refusal(relyingParty(), FakeOpenIdProvider.tweak(t -> t.issuer = "https://evil.example")))
                .isEqualTo(SignInProblem.TOKEN_ISSUER);
    }

    @Test
    void aTokenForAnotherClientIsRefused() {
        assertThat(refusal(relyingParty(), FakeOpenIdProvider.tweak(t -> t.audience = "another-client")))
                .isEqualTo(SignInProblem.TOKEN_AUDIENCE);
    }

    @Test
    void anExpiredTokenIsRefused() {
        assertThat(refusal(relyingParty(), FakeOpenIdProvider.tweak(t -> t.expiresAt = Instant.now().minusSeconds(600))))
                .isEqualTo(SignInProblem.TOKEN_EXPIRED);
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefused() {
        assertThat(refusal(relyingParty(), FakeOpenIdProvider.tweak(t -> t.signingKey = TestPki.key(2))))
                .isEqualTo(SignInProblem.TOKEN_SIGNATURE);
    }

    @Test
    void aCallbackWithAnotherStateIsRefused() throws Exception {
        OidcRelyingParty rp = relyingParty();
        OidcRelyingParty.Start mine = rp.begin(null);
        OidcRelyingParty.Start someoneElses = rp.begin(null);
        String callback = op.authorize(someoneElses.redirect(), new FakeOpenIdProvider.Tweak());

        assertThatThrownBy(() -> rp.complete(callback, List.of(mine.pending())))
                .isInstanceOfSatisfying(OidcSignInException.class,
                        e -> assertThat(e.problem()).isEqualTo(SignInProblem.STATE_MISMATCH));
        assertThatThrownBy(() -> rp.complete("code=abc", List.of(mine.pending())))
                .isInstanceOfSatisfying(OidcSignInException.class,
                        e -> assertThat(e.problem()).isEqualTo(SignInProblem.STATE_MISMATCH));
    }

    @Test
    void aCancelledSignInAndAProviderErrorAreRefused() throws Exception {
        OidcRelyingParty rp = relyingParty();
        OidcRelyingParty.Start start = rp.begin(null);
        String state = start.pending().state();

        assertThatThrownBy(() -> rp.complete("error=access_denied&state=" + state,
                List.of(start.pending()))).isInstanceOfSatisfying(OidcSignInException.class,
                        e -> assertThat(e.problem()).isEqualTo(SignInProblem.ACCESS_DENIED));
        assertThatThrownBy(() -> rp.complete("error=server_error&state=" + state,
                List.of(start.pending()))).isInstanceOfSatisfying(OidcSignInException.class,
                        e -> assertThat(e.problem()).isEqualTo(SignInProblem.PROVIDER_ERROR));
    }

    @Test
    void aSignInOlderThanTenMinutesIsRefused() throws Exception {
        OidcRelyingParty rp = relyingParty();
        OidcRelyingParty.Start start = rp.begin(null);
        String callback = op.authorize(start.redirect(), new FakeOpenIdProvider.Tweak());
        clock.advance(Duration.ofMinutes(11));

        assertThatThrownBy(() -> rp.complete(callback, List.of(start.pending())))
                .isInstanceOfSatisfying(OidcSignInException.class,
                        e -> assertThat(e.problem()).isEqualTo(SignInProblem.REQUEST_EXPIRED));
    }

    @Test
    void withoutNameAndAddressTheSignInIsRefused() {
        assertThat(refusal(relyingParty(), FakeOpenIdProvider.tweak(t -> t.claims.remove("address"))))
                .isEqualTo(SignInProblem.MISSING_FACTS);
    }

    @Test
    void theClientCanAuthenticateWithAPrivateKeyJwt(@TempDir Path directory) throws Exception {
        var clientKey = TestPki.key(3);
        op.clientKey = (RSAPublicKey) clientKey.getPublic();
        Path pem = directory.resolve("client.pem");
        Files.writeString(pem, "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'})
                .encodeToString(clientKey.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n");
        OidcRelyingParty rp = new OidcRelyingParty(properties(op.issuer(),
                OidcProperties.ClientAuthMethod.PRIVATE_KEY_JWT, pem, false), clock);

        ResidentIdentity identity = signIn(rp, new FakeOpenIdProvider.Tweak()).identity();

        assertThat(identity.name()).isEqualTo("窓口　太郎");
        assertThat(op.lastClientAuthentication).isEqualTo("private_key_jwt");
        // A key the provider does not know is refused at the token endpoint.
        op.clientKey = (RSAPublicKey) TestPki.key(2).getPublic();
        assertThat(refusal(rp, new FakeOpenIdProvider.Tweak())).isEqualTo(SignInProblem.TOKEN_REFUSED);
    }

    @Test
    void theFactsMayComeFromTheUserInfoEndpoint() throws Exception {
        OidcRelyingParty rp = new OidcRelyingParty(properties(op.issuer(), null, null, true), clock);
        FakeOpenIdProvider.Tweak tweak = FakeOpenIdProvider.tweak(t -> {
            t.claimsOnlyInUserInfo = true;
            t.claims.put("address", Map.of("region", "長野県", "locality", "窓口町", "street_address", "本町一丁目2番3号"));
            t.claims.put("gender", "female");
            t.claims.put("birthdate", "0000-07-07");
        });

        ResidentIdentity identity = signIn(rp, tweak).identity();

        assertThat(identity.name()).isEqualTo("窓口　太郎");
        assertThat(identity.address()).isEqualTo("長野県窓口町本町一丁目2番3号");
        assertThat(identity.sex()).isEqualTo("女性");
        assertThat(identity.birthDate()).as("a birth date without its year is no birth date").isNull();
        // Without UserInfo the same answer lacks the facts.
        assertThat(refusal(relyingParty(), tweak)).isEqualTo(SignInProblem.MISSING_FACTS);
    }

    @Test
    void anUnreachableProviderIsReported() throws Exception {
        OidcRelyingParty rp = new OidcRelyingParty(properties("http://127.0.0.1:1", null, null, false), clock);

        assertThatThrownBy(() -> rp.begin(null)).isInstanceOfSatisfying(OidcSignInException.class,
                e -> assertThat(e.problem()).isEqualTo(SignInProblem.UNAVAILABLE));
    }

    @Test
    void everyProblemHasAJapaneseMessage() {
        for (SignInProblem problem : SignInProblem.values()) {
            assertThat(problem.message()).as(problem.name()).matches(".*[\\u3040-\\u30ff\\u4e00-\\u9fff].*")
                    .endsWith("。");
        }
    }

    /** A clock the test moves forward. */
    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("Asia/Tokyo");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
