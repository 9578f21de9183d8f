package jp.madoguchi.identity.internal;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.util.URLUtils;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * An OpenID Connect provider for tests on a JDK HTTP server on a random loopback port: discovery, JWKS, the token
 * endpoint (client_secret_basic or private_key_jwt, PKCE S256 checked) and UserInfo. The authorization endpoint is
 * played by {@link #authorize}: the test reads the parameters of the relying party's redirect and gets a code.
 * ID tokens are signed with Nimbus and a test RSA key; {@link Tweak} makes them wrong in one way.
 */
final class FakeOpenIdProvider implements AutoCloseable {

    static final String CLIENT_ID = "madoguchi-test";
    static final String CLIENT_SECRET = "test-secret-0123456789";
    static final String KEY_ID = "op-key-1";

    /** How to spoil the ID token of one authorization. */
    static final class Tweak {
        String issuer;
        String nonce;
        String audience;
        Instant expiresAt;
        KeyPair signingKey;
        Map<String, Object> claims = defaultClaims();
        boolean claimsOnlyInUserInfo;
    }

    private record Authorization(String nonce, String codeChallenge, String redirectUri, Tweak tweak) {
    }

    private final HttpServer server;
    private final KeyPair key;
    private final Map<String, Authorization> codes = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Object>> userInfo = new ConcurrentHashMap<>();
    /** The client's public key, when it authenticates with private_key_jwt. */
    volatile RSAPublicKey clientKey;
    volatile String lastClientAuthentication;
    volatile boolean lastPkceChecked;

    FakeOpenIdProvider(KeyPair key) throws IOException {
        this.key = key;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/.well-known/openid-configuration", e -> json(e, 200, discovery()));
        server.createContext("/jwks", e -> json(e, 200, new JWKSet(new RSAKey.Builder((RSAPublicKey) key.getPublic())
                .keyID(KEY_ID).build()).toJSONObject(true)));
        server.createContext("/token", this::token);
        server.createContext("/userinfo", this::userInfo);
        server.start();
    }

    String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    static Map<String, Object> defaultClaims() {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("name", "窓口　太郎");
        claims.put("name#ja-Kana-JP", "マドグチ　タロウ");
        claims.put("birthdate", "1985-07-07");
        claims.put("gender", "male");
        claims.put("address", Map.of("formatted", "長野県窓口町本町一丁目2番3号", "postal_code", "399-0000"));
        claims.put("email", "taro@example.jp");
        return claims;
    }

    /**
     * Plays the authorization endpoint: checks the request the relying party redirected to and returns the
     * callback query ({@code code} and {@code state}).
     */
    String authorize(URI authorizationRequest, Tweak tweak) {
        Map<String, List<String>> p = URLUtils.parseParameters(authorizationRequest.getRawQuery());
        if (!authorizationRequest.toString().startsWith(issuer() + "/authorize?")) {
            throw new AssertionError("not our authorization endpoint: " + authorizationRequest);
        }
        if (!CLIENT_ID.equals(one(p, "client_id")) || !"code".equals(one(p, "response_type"))
                || !"S256".equals(one(p, "code_challenge_method")) || one(p, "code_challenge") == null
                || one(p, "nonce") == null || one(p, "state") == null || !one(p, "scope").contains("openid")) {
            throw new AssertionError("not an authorization code request with PKCE S256, state and nonce: " + p);
        }
        String code = UUID.randomUUID().toString();
        codes.put(code, new Authorization(one(p, "nonce"), one(p, "code_challenge"), one(p, "redirect_uri"), tweak));
        return "code=" + code + "&state=" + URLUtils.serializeParameters(Map.of("s", List.of(one(p, "state"))))
                .substring(2);
    }

    private Map<String, Object> discovery() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("issuer", issuer());
        d.put("authorization_endpoint", issuer() + "/authorize");
        d.put("token_endpoint", issuer() + "/token");
        d.put("jwks_uri", issuer() + "/jwks");
        d.put("userinfo_endpoint", issuer() + "/userinfo");
        d.put("response_types_supported", List.of("code"));
        d.put("subject_types_supported", List.of("public"));
        d.put("id_token_signing_alg_values_supported", List.of("RS256"));
        d.put("code_challenge_methods_supported", List.of("S256"));
        d.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic", "private_key_jwt"));
        return d;
    }

    private void token(HttpExchange exchange) throws IOException {
        Map<String, List<String>> p = URLUtils.parseParameters(
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        lastPkceChecked = false;
        if (!clientAuthenticated(exchange, p)) {
            json(exchange, 401, Map.of("error", "invalid_client"));
            return;
        }
        Authorization a = codes.remove(String.valueOf(one(p, "code")));
        if (a == null || !"authorization_code".equals(one(p, "grant_type"))
                || !a.redirectUri().equals(one(p, "redirect_uri"))) {
            json(exchange, 400, Map.of("error", "invalid_grant"));
            return;
        }
        String verifier = one(p, "code_verifier");
        if (verifier == null || !s256(verifier).equals(a.codeChallenge())) {
            json(exchange, 400, Map.of("error", "invalid_grant", "error_description", "PKCE verification failed"));
            return;
        }
        lastPkceChecked = true;
        try {
            Tweak t = a.tweak();
            String subject = "sub-" + UUID.randomUUID();
            JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                    .issuer(t.issuer != null ? t.issuer : issuer())
                    .subject(subject)
                    .audience(t.audience != null ? t.audience : CLIENT_ID)
                    .issueTime(new Date())
                    .expirationTime(Date.from(t.expiresAt != null ? t.expiresAt : Instant.now().plusSeconds(300)))
                    .claim("nonce", t.nonce != null ? t.nonce : a.nonce())
                    .claim("auth_time", Instant.now().getEpochSecond());
            if (t.claimsOnlyInUserInfo) {
                userInfo.put("token-" + subject, withSubject(t.claims, subject));
            } else {
                t.claims.forEach(claims::claim);
            }
            SignedJWT idToken = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(KEY_ID).build(),
                    claims.build());
            idToken.sign(new RSASSASigner((RSAPrivateKey) (t.signingKey != null ? t.signingKey : key).getPrivate()));
            json(exchange, 200, Map.of("access_token", "token-" + subject, "token_type", "Bearer", "expires_in", 300,
                    "id_token", idToken.serialize()));
        } catch (Exception e) {
            json(exchange, 500, Map.of("error", "server_error"));
        }
    }

    private static Map<String, Object> withSubject(Map<String, Object> claims, String subject) {
        Map<String, Object> m = new HashMap<>(claims);
        m.put("sub", subject);
        return m;
    }

    private boolean clientAuthenticated(HttpExchange exchange, Map<String, List<String>> p) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header != null && header.startsWith("Basic ")) {
            lastClientAuthentication = "client_secret_basic";
            String expected = Base64.getEncoder().encodeToString((CLIENT_ID + ":" + CLIENT_SECRET)
                    .getBytes(StandardCharsets.UTF_8));
            return header.equals("Basic " + expected);
        }
        if ("urn:ietf:params:oauth:client-assertion-type:jwt-bearer".equals(one(p, "client_assertion_type"))
                && clientKey != null) {
            lastClientAuthentication = "private_key_jwt";
            try {
                SignedJWT assertion = SignedJWT.parse(one(p, "client_assertion"));
                JWTClaimsSet c = assertion.getJWTClaimsSet();
                return assertion.verify(new RSASSAVerifier(clientKey)) && CLIENT_ID.equals(c.getIssuer())
                        && CLIENT_ID.equals(c.getSubject()) && c.getAudience().contains(issuer() + "/token")
                        && c.getExpirationTime().after(new Date());
            } catch (Exception e) {
                return false;
            }
        }
        lastClientAuthentication = "none";
        return false;
    }

    private void userInfo(HttpExchange exchange) throws IOException {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        Map<String, Object> claims = header == null ? null : userInfo.get(header.replaceFirst("^Bearer ", ""));
        if (claims == null) {
            json(exchange, 401, Map.of("error", "invalid_token"));
            return;
        }
        json(exchange, 200, claims);
    }

    private static String s256(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String one(Map<String, List<String>> p, String name) {
        List<String> values = p.get(name);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }

    private static void json(HttpExchange exchange, int status, Map<String, ?> body) throws IOException {
        byte[] bytes = JSONObjectUtils.toJSONString(new HashMap<>(body)).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** Sets up {@code consumer}'s tweak. */
    static Tweak tweak(Consumer<Tweak> consumer) {
        Tweak t = new Tweak();
        consumer.accept(t);
        return t;
    }
}
