package jp.madoguchi.identity.internal;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code madoguchi.identity.oidc.*}: the OpenID Connect provider residents sign in with (デジタル認証アプリ or any
 * OpenID Connect provider). See docs/identity.md for the Digital Agency's app.
 *
 * @param enabled whether the provider is offered on the sign-in page
 * @param issuer the provider's issuer identifier; its discovery document is read from
 *     {@code <issuer>/.well-known/openid-configuration}
 * @param clientId the client id registered at the provider
 * @param clientAuthMethod {@code client_secret_basic} or {@code private_key_jwt} (the デジタル認証アプリ uses the
 *     latter)
 * @param clientSecret the client secret (client_secret_basic)
 * @param privateKeyPath the client's private key (private_key_jwt): a PEM file (PKCS#8 or PKCS#1/SEC1) or a JWK
 *     (JSON) file
 * @param privateKeyId the key id ({@code kid}) registered with the provider, if not in the JWK file
 * @param privateKeyAlgorithm the signing algorithm of the client assertion (RS256, PS256, ES256…)
 * @param privateKeyJwtAudience the {@code aud} of the client assertion: {@code token-endpoint} (OpenID Connect
 *     Core) or {@code issuer}
 * @param scopes the scopes requested ({@code openid} is always included)
 * @param redirectUriBase the portal's public base URL (default {@code madoguchi.portal.base-url}); the redirect URI
 *     is this plus {@code /mypage/signin/oidc/callback}
 * @param claims which claims hold the 基本4情報
 * @param displayName the label of the sign-in button, e.g. 「デジタル認証アプリでログイン」
 * @param userinfo whether to also read the UserInfo endpoint (for providers that put the facts only there)
 * @param authorizationParameters further parameters of the authorization request (e.g. {@code acr_values},
 *     {@code prompt})
 * @param clockSkew tolerated clock difference for {@code exp}/{@code iat}
 * @param httpTimeout connect and read timeout towards the provider
 */
@ConfigurationProperties("madoguchi.identity.oidc")
public record OidcProperties(boolean enabled, URI issuer, String clientId, ClientAuthMethod clientAuthMethod,
        String clientSecret, Path privateKeyPath, String privateKeyId, String privateKeyAlgorithm,
        JwtAudience privateKeyJwtAudience, List<String> scopes, String redirectUriBase, Claims claims,
        String displayName, boolean userinfo, Map<String, String> authorizationParameters, Duration clockSkew,
        Duration httpTimeout) {

    public OidcProperties {
        clientAuthMethod = clientAuthMethod == null ? ClientAuthMethod.CLIENT_SECRET_BASIC : clientAuthMethod;
        privateKeyAlgorithm = blank(privateKeyAlgorithm) ? "RS256" : privateKeyAlgorithm;
        privateKeyJwtAudience = privateKeyJwtAudience == null ? JwtAudience.TOKEN_ENDPOINT : privateKeyJwtAudience;
        scopes = scopes == null || scopes.isEmpty() ? List.of("openid", "profile", "address", "email")
                : List.copyOf(scopes);
        redirectUriBase = blank(redirectUriBase) ? null : redirectUriBase.replaceAll("/+$", "");
        claims = claims == null ? Claims.STANDARD : claims;
        displayName = blank(displayName) ? "OpenID Connect でログイン" : displayName;
        authorizationParameters = authorizationParameters == null ? Map.of() : Map.copyOf(authorizationParameters);
        clockSkew = clockSkew == null ? Duration.ofSeconds(60) : clockSkew;
        httpTimeout = httpTimeout == null ? Duration.ofSeconds(10) : httpTimeout;
    }

    /** The redirect URI registered at the provider. */
    public URI redirectUri() {
        return URI.create((redirectUriBase == null ? "http://localhost:8080" : redirectUriBase)
                + ResidentSignInController.CALLBACK_PATH);
    }

    /** These properties with {@code base} as the redirect URI base when none is configured. */
    OidcProperties withDefaultRedirectUriBase(String base) {
        return redirectUriBase != null ? this : new OidcProperties(enabled, issuer, clientId, clientAuthMethod,
                clientSecret, privateKeyPath, privateKeyId, privateKeyAlgorithm, privateKeyJwtAudience, scopes, base,
                claims, displayName, userinfo, authorizationParameters, clockSkew, httpTimeout);
    }

    /** How the client authenticates at the token endpoint. */
    public enum ClientAuthMethod { CLIENT_SECRET_BASIC, PRIVATE_KEY_JWT }

    /** The audience of a private_key_jwt client assertion. */
    public enum JwtAudience { TOKEN_ENDPOINT, ISSUER }

    /**
     * Claim names of the 基本4情報 (in the ID token, or the UserInfo response when {@code userinfo} is on).
     *
     * @param name 氏名; when absent, {@code family_name} and {@code given_name} are joined
     * @param nameKana 氏名のフリガナ, by default the language-tagged {@code name#ja-Kana-JP} (OpenID Connect Core §5.2)
     * @param birthdate 生年月日 ({@code YYYY-MM-DD})
     * @param gender 性別 ({@code male}/{@code female}, or 男性/女性, 1/2)
     * @param address 住所: a string, or an address object whose {@code formatted} member is used
     * @param email e-mail address
     */
    public record Claims(String name, String nameKana, String birthdate, String gender, String address,
            String email) {

        static final Claims STANDARD = new Claims(null, null, null, null, null, null);

        public Claims {
            name = blank(name) ? "name" : name;
            nameKana = blank(nameKana) ? "name#ja-Kana-JP" : nameKana;
            birthdate = blank(birthdate) ? "birthdate" : birthdate;
            gender = blank(gender) ? "gender" : gender;
            address = blank(address) ? "address" : address;
            email = blank(email) ? "email" : email;
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
