package jp.madoguchi.identity.internal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationErrorResponse;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.AuthorizationSuccessResponse;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.GeneralException;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.PrivateKeyJWT;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import com.nimbusds.openid.connect.sdk.UserInfoResponse;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import jp.madoguchi.identity.ResidentIdentity;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An OpenID Connect relying party (Nimbus OAuth 2.0 / OpenID Connect SDK): authorization code flow with PKCE (S256),
 * {@code state} and {@code nonce}; the provider's metadata from discovery, its keys from its JWKS; client
 * authentication at the token endpoint by {@code client_secret_basic} or {@code private_key_jwt}; the ID token's
 * signature, {@code iss}, {@code aud}, {@code exp}/{@code iat} (with a small clock skew) and {@code nonce} validated
 * by Nimbus's {@link IDTokenValidator}; optionally the UserInfo endpoint. The 基本4情報 are mapped from the claims
 * named in {@link OidcProperties.Claims}.
 *
 * <p>Keeps no per-resident state: what a sign-in in progress needs is in its {@link PendingAuthorization}, which the
 * caller keeps in the session.
 */
public final class OidcRelyingParty {

    static final Duration PENDING_LIFETIME = Duration.ofMinutes(10);
    private static final Logger log = LoggerFactory.getLogger(OidcRelyingParty.class);
    private static final int SIZE_LIMIT = 512 * 1024;

    private final OidcProperties properties;
    private final Clock clock;
    private final Issuer issuer;
    private final ClientID clientId;
    private final PrivateKey privateKey;
    private final String privateKeyId;
    private volatile Discovered discovered;

    /** What discovery found, and the validator built on it. */
    private record Discovered(OIDCProviderMetadata metadata, IDTokenValidator validator) {
    }

    /** Where to send the browser, and what to keep in the session until the callback. */
    public record Start(URI redirect, PendingAuthorization pending) {
    }

    /** A completed sign-in: the resident, and the sign-in it completed (its {@code next}). */
    public record Completed(ResidentIdentity identity, PendingAuthorization pending) {
    }

    public OidcRelyingParty(OidcProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        if (properties.issuer() == null || blank(properties.clientId())) {
            throw new IllegalStateException(
                    "madoguchi.identity.oidc.issuer と client-id を設定してください（OpenID Connect が有効です）");
        }
        this.issuer = new Issuer(properties.issuer());
        this.clientId = new ClientID(properties.clientId());
        if (properties.clientAuthMethod() == OidcProperties.ClientAuthMethod.PRIVATE_KEY_JWT) {
            if (properties.privateKeyPath() == null) {
                throw new IllegalStateException(
                        "madoguchi.identity.oidc.private-key-path を設定してください（private_key_jwt）");
            }
            KeyAndId key = readPrivateKey(properties);
            this.privateKey = key.key();
            this.privateKeyId = key.id();
        } else {
            if (blank(properties.clientSecret())) {
                throw new IllegalStateException(
                        "madoguchi.identity.oidc.client-secret を設定してください（client_secret_basic）");
            }
            this.privateKey = null;
            this.privateKeyId = null;
        }
    }

    /** The label of the sign-in button. */
    public String displayName() {
        return properties.displayName();
    }

    /** Starts a sign-in: a fresh state, nonce and PKCE verifier, and the provider's authorization URL. */
    public Start begin(String next) throws OidcSignInException {
        Discovered provider = discovered();
        State state = new State();
        Nonce nonce = new Nonce();
        CodeVerifier verifier = new CodeVerifier();
        Set<String> scopes = new LinkedHashSet<>();
        scopes.add("openid");
        scopes.addAll(properties.scopes());
        AuthenticationRequest.Builder request = new AuthenticationRequest.Builder(
                new ResponseType(ResponseType.Value.CODE), new Scope(scopes.toArray(String[]::new)), clientId,
                properties.redirectUri())
                .endpointURI(provider.metadata().getAuthorizationEndpointURI())
                .state(state)
                .nonce(nonce)
                .codeChallenge(verifier, CodeChallengeMethod.S256);
        properties.authorizationParameters().forEach(request::customParameter);
        return new Start(request.build().toURI(), new PendingAuthorization(state.getValue(), nonce.getValue(),
                verifier.getValue(), next, clock.instant()));
    }

    /**
     * Completes a sign-in from the provider's redirect to the callback: finds the sign-in in progress by its state,
     * redeems the code with the PKCE verifier, validates the ID token and maps the claims.
     *
     * @param callbackQuery the query string of the provider's redirect to the callback
     * @param pending the sign-ins in progress of this browser session
     */
    public Completed complete(String callbackQuery, Collection<PendingAuthorization> pending)
            throws OidcSignInException {
        AuthorizationResponse response;
        try {
            response = AuthorizationResponse.parse(URI.create(properties.redirectUri() + "?"
                    + (callbackQuery == null ? "" : callbackQuery)));
        } catch (ParseException | IllegalArgumentException e) {
            throw new OidcSignInException(SignInProblem.STATE_MISMATCH, "unparseable authorization response");
        }
        String state = response.getState() == null ? null : response.getState().getValue();
        PendingAuthorization started = pending.stream().filter(p -> p.state().equals(state)).findFirst()
                .orElseThrow(() -> new OidcSignInException(SignInProblem.STATE_MISMATCH,
                        state == null ? "no state in the response" : "unknown state"));
        if (clock.instant().isAfter(started.startedAt().plus(PENDING_LIFETIME))) {
            throw new OidcSignInException(SignInProblem.REQUEST_EXPIRED, "sign-in started too long ago");
        }
        if (!response.indicatesSuccess()) {
            ErrorObject error = ((AuthorizationErrorResponse) response).getErrorObject();
            throw new OidcSignInException("access_denied".equals(error.getCode()) ? SignInProblem.ACCESS_DENIED
                    : SignInProblem.PROVIDER_ERROR, "provider error " + error.getCode());
        }
        AuthorizationSuccessResponse success = response.toSuccessResponse();
        if (success.getIssuer() != null && !success.getIssuer().equals(issuer)) {
            // RFC 9207: the response names its issuer; another one is a mix-up attack.
            throw new OidcSignInException(SignInProblem.TOKEN_ISSUER, "authorization response from another issuer");
        }
        if (success.getAuthorizationCode() == null) {
            throw new OidcSignInException(SignInProblem.PROVIDER_ERROR, "no authorization code");
        }
        Discovered provider = discovered();
        OIDCTokenResponse tokens = redeem(provider, success.getAuthorizationCode(), started);
        JWT idToken = tokens.getOIDCTokens().getIDToken();
        if (idToken == null) {
            throw new OidcSignInException(SignInProblem.TOKEN_INVALID, "no ID token");
        }
        IDTokenClaimsSet claims = validate(provider, idToken, new Nonce(started.nonce()));
        Map<String, Object> values = new HashMap<>();
        if (properties.userinfo() && provider.metadata().getUserInfoEndpointURI() != null) {
            values.putAll(userInfo(provider, tokens.getOIDCTokens().getBearerAccessToken(), claims));
        }
        values.putAll(claims.toJSONObject());
        Instant authenticatedAt = claims.getAuthenticationTime() != null ? claims.getAuthenticationTime().toInstant()
                : clock.instant();
        return new Completed(map(claims.getSubject().getValue(), values, authenticatedAt), started);
    }

    private OIDCTokenResponse redeem(Discovered provider, AuthorizationCode code, PendingAuthorization started)
            throws OidcSignInException {
        URI tokenEndpoint = provider.metadata().getTokenEndpointURI();
        try {
            TokenRequest request = new TokenRequest(tokenEndpoint, clientAuthentication(tokenEndpoint),
                    new AuthorizationCodeGrant(code, properties.redirectUri(), new CodeVerifier(started.codeVerifier())));
            HTTPResponse http = send(request.toHTTPRequest());
            TokenResponse response = OIDCTokenResponseParser.parse(http);
            if (!response.indicatesSuccess()) {
                throw new OidcSignInException(SignInProblem.TOKEN_REFUSED,
                        "token endpoint error " + response.toErrorResponse().getErrorObject().getCode());
            }
            return (OIDCTokenResponse) response.toSuccessResponse();
        } catch (IOException e) {
            throw new OidcSignInException(SignInProblem.UNAVAILABLE, "token endpoint unreachable: " + e, e);
        } catch (ParseException | ClassCastException e) {
            throw new OidcSignInException(SignInProblem.TOKEN_REFUSED, "token response unreadable", e);
        } catch (JOSEException e) {
            throw new OidcSignInException(SignInProblem.UNAVAILABLE, "client assertion could not be signed", e);
        }
    }

    private ClientAuthentication clientAuthentication(URI tokenEndpoint) throws JOSEException {
        if (properties.clientAuthMethod() == OidcProperties.ClientAuthMethod.PRIVATE_KEY_JWT) {
            URI audience = properties.privateKeyJwtAudience() == OidcProperties.JwtAudience.ISSUER
                    ? URI.create(issuer.getValue()) : tokenEndpoint;
            return new PrivateKeyJWT(clientId, audience, JWSAlgorithm.parse(properties.privateKeyAlgorithm()),
                    privateKey, privateKeyId, null);
        }
        return new ClientSecretBasic(clientId, new Secret(properties.clientSecret()));
    }

    private IDTokenClaimsSet validate(Discovered provider, JWT idToken, Nonce nonce) throws OidcSignInException {
        try {
            return provider.validator().validate(idToken, nonce);
        } catch (BadJWTException e) {
            throw new OidcSignInException(classify(idToken, nonce), "ID token claims refused", e);
        } catch (BadJOSEException e) {
            throw new OidcSignInException(SignInProblem.TOKEN_SIGNATURE, "ID token signature refused", e);
        } catch (com.nimbusds.jose.KeySourceException e) {
            throw new OidcSignInException(SignInProblem.UNAVAILABLE, "JWKS unavailable: " + e, e);
        } catch (JOSEException e) {
            throw new OidcSignInException(SignInProblem.TOKEN_INVALID, "ID token unprocessable", e);
        }
    }

    /**
     * Which claim made Nimbus refuse the token, for the message only (the refusal is Nimbus's): in the order
     * Nimbus checks them.
     */
    private SignInProblem classify(JWT idToken, Nonce nonce) {
        try {
            JWTClaimsSet claims = idToken.getJWTClaimsSet();
            if (!issuer.getValue().equals(claims.getIssuer())) {
                return SignInProblem.TOKEN_ISSUER;
            }
            if (claims.getAudience() == null || !claims.getAudience().contains(clientId.getValue())) {
                return SignInProblem.TOKEN_AUDIENCE;
            }
            Date expires = claims.getExpirationTime();
            if (expires == null || expires.toInstant().plus(properties.clockSkew()).isBefore(clock.instant())) {
                return SignInProblem.TOKEN_EXPIRED;
            }
            if (!nonce.getValue().equals(claims.getStringClaim("nonce"))) {
                return SignInProblem.TOKEN_NONCE;
            }
        } catch (java.text.ParseException e) {
            return SignInProblem.TOKEN_INVALID;
        }
        return SignInProblem.TOKEN_INVALID;
    }

    private Map<String, Object> userInfo(Discovered provider, BearerAccessToken token, IDTokenClaimsSet claims)
            throws OidcSignInException {
        try {
            HTTPResponse http = send(new UserInfoRequest(provider.metadata().getUserInfoEndpointURI(), token)
                    .toHTTPRequest());
            UserInfoResponse response = UserInfoResponse.parse(http);
            if (!response.indicatesSuccess() || response.toSuccessResponse().getUserInfo() == null) {
                throw new OidcSignInException(SignInProblem.TOKEN_REFUSED, "userinfo refused");
            }
            var info = response.toSuccessResponse().getUserInfo();
            if (!info.getSubject().equals(claims.getSubject())) {
                throw new OidcSignInException(SignInProblem.TOKEN_INVALID, "userinfo for another subject");
            }
            return info.toJSONObject();
        } catch (IOException e) {
            throw new OidcSignInException(SignInProblem.UNAVAILABLE, "userinfo unreachable: " + e, e);
        } catch (ParseException e) {
            throw new OidcSignInException(SignInProblem.TOKEN_REFUSED, "userinfo unreadable", e);
        }
    }

    /** The 基本4情報 from the claims; 氏名 and 住所 are required. */
    ResidentIdentity map(String subject, Map<String, Object> claims, Instant authenticatedAt)
            throws OidcSignInException {
        OidcProperties.Claims names = properties.claims();
        String name = string(claims.get(names.name()));
        if (name == null && string(claims.get("family_name")) != null) {
            name = join(string(claims.get("family_name")), string(claims.get("given_name")));
        }
        String kana = string(claims.get(names.nameKana()));
        if (kana == null && string(claims.get("family_name#ja-Kana-JP")) != null) {
            kana = join(string(claims.get("family_name#ja-Kana-JP")), string(claims.get("given_name#ja-Kana-JP")));
        }
        String address = address(claims.get(names.address()));
        List<String> missing = new ArrayList<>();
        if (name == null) {
            missing.add(names.name());
        }
        if (address == null) {
            missing.add(names.address());
        }
        if (!missing.isEmpty()) {
            throw new OidcSignInException(SignInProblem.MISSING_FACTS, "missing claims " + missing);
        }
        return new ResidentIdentity("oidc", subject, name, kana, birthDate(string(claims.get(names.birthdate()))),
                sex(string(claims.get(names.gender()))), address, string(claims.get(names.email())), authenticatedAt,
                false);
    }

    private static String join(String family, String given) {
        return given == null ? family : family + "\u3000" + given;
    }

    /** OIDC {@code birthdate}: {@code YYYY-MM-DD} (also {@code YYYYMMDD}); a partial date gives none. */
    static LocalDate birthDate(String value) {
        if (value == null) {
            return null;
        }
        String v = value.strip();
        try {
            if (v.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}") && !v.startsWith("0000")) {
                return LocalDate.parse(v);
            }
            if (v.matches("[0-9]{8}") && !v.startsWith("0000")) {
                return LocalDate.parse(v.substring(0, 4) + "-" + v.substring(4, 6) + "-" + v.substring(6));
            }
        } catch (DateTimeParseException e) {
            return null;
        }
        return null;
    }

    /** OIDC {@code gender} ({@code male}/{@code female}), or 男性/女性/男/女, or the codes 1/2. */
    static String sex(String value) {
        if (value == null) {
            return null;
        }
        return switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "male", "男性", "男", "1" -> ResidentIdentity.MALE;
            case "female", "女性", "女", "2" -> ResidentIdentity.FEMALE;
            default -> null;
        };
    }

    /** A string, or an OIDC address object: its {@code formatted}, else region + locality + street_address. */
    static String address(Object value) {
        if (value instanceof Map<?, ?> map) {
            String formatted = string(map.get("formatted"));
            if (formatted != null) {
                return formatted;
            }
            StringBuilder joined = new StringBuilder();
            for (String part : List.of("region", "locality", "street_address")) {
                String s = string(map.get(part));
                if (s != null) {
                    joined.append(s);
                }
            }
            return joined.isEmpty() ? null : joined.toString();
        }
        return string(value);
    }

    private static String string(Object value) {
        if (value == null) {
            return null;
        }
        String s = value.toString().strip();
        return s.isEmpty() ? null : s;
    }

    private Discovered discovered() throws OidcSignInException {
        Discovered d = discovered;
        if (d != null) {
            return d;
        }
        synchronized (this) {
            if (discovered == null) {
                try {
                    int timeout = (int) properties.httpTimeout().toMillis();
                    OIDCProviderMetadata metadata = OIDCProviderMetadata.resolve(issuer, timeout, timeout);
                    URL jwks = metadata.getJWKSetURI().toURL();
                    JWKSource<SecurityContext> keys = JWKSourceBuilder.<SecurityContext>create(jwks,
                            new DefaultResourceRetriever(timeout, timeout, SIZE_LIMIT)).build();
                    Set<JWSAlgorithm> algorithms = new LinkedHashSet<>();
                    if (metadata.getIDTokenJWSAlgs() != null) {
                        metadata.getIDTokenJWSAlgs().stream()
                                .filter(a -> JWSAlgorithm.Family.RSA.contains(a) || JWSAlgorithm.Family.EC.contains(a)
                                        || JWSAlgorithm.Family.ED.contains(a))
                                .forEach(algorithms::add);
                    }
                    if (algorithms.isEmpty()) {
                        algorithms.add(JWSAlgorithm.RS256);
                    }
                    IDTokenValidator validator = new IDTokenValidator(issuer, clientId,
                            new JWSVerificationKeySelector<>(algorithms, keys), null);
                    validator.setMaxClockSkew((int) properties.clockSkew().toSeconds());
                    discovered = new Discovered(metadata, validator);
                    log.info("OpenID Connect provider discovered: issuer={}", issuer);
                } catch (GeneralException | IOException | RuntimeException e) {
                    throw new OidcSignInException(SignInProblem.UNAVAILABLE, "discovery failed: " + e, e);
                }
            }
            return discovered;
        }
    }

    private HTTPResponse send(HTTPRequest request) throws IOException {
        int timeout = (int) properties.httpTimeout().toMillis();
        request.setConnectTimeout(timeout);
        request.setReadTimeout(timeout);
        return request.send();
    }

    private record KeyAndId(PrivateKey key, String id) {
    }

    /** The client's private key: a JWK (JSON) file, or PEM (PKCS#8, PKCS#1 or SEC1). */
    private static KeyAndId readPrivateKey(OidcProperties properties) {
        try {
            String text = Files.readString(properties.privateKeyPath());
            if (text.strip().startsWith("{")) {
                JWK jwk = JWK.parse(text);
                PrivateKey key = switch (jwk) {
                    case RSAKey rsa -> rsa.toPrivateKey();
                    case ECKey ec -> ec.toPrivateKey();
                    default -> throw new IllegalStateException("RSA か EC の鍵を指定してください");
                };
                return new KeyAndId(Objects.requireNonNull(key, "JWK has no private part"),
                        properties.privateKeyId() != null ? properties.privateKeyId() : jwk.getKeyID());
            }
            try (PEMParser parser = new PEMParser(new StringReader(text))) {
                Object object = parser.readObject();
                JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
                PrivateKey key = switch (object) {
                    case PrivateKeyInfo info -> converter.getPrivateKey(info);
                    case PEMKeyPair pair -> converter.getKeyPair(pair).getPrivate();
                    case null, default -> throw new IllegalStateException("PEM に秘密鍵がありません");
                };
                return new KeyAndId(key, properties.privateKeyId());
            }
        } catch (IOException | java.text.ParseException | JOSEException | RuntimeException e) {
            throw new IllegalStateException("クライアントの秘密鍵を読み込めません（madoguchi.identity.oidc.private-key-path）: "
                    + properties.privateKeyPath(), e);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
