/**
 * Identity (本人確認): who a resident on the portal is, and whether what they submitted carries their electronic
 * signature.
 *
 * <ul>
 *   <li>{@link jp.madoguchi.identity.ResidentSession} — the resident's sign-in state in the HTTP session: through an
 *       OpenID Connect provider (e.g. デジタル認証アプリ), or, in demo mode only, as one of the synthetic residents.
 *       {@link jp.madoguchi.identity.ResidentIdentity} holds the 基本4情報 the provider asserted.
 *   <li>{@link jp.madoguchi.identity.SignatureVerifier} — verifies a detached CMS signature made with a JPKI-style
 *       signing certificate (署名用電子証明書) over the exact submitted bytes: chain to the configured trust anchors,
 *       validity, key usage and revocation by CRL.
 *   <li>{@link jp.madoguchi.identity.DemoSigningCard} — demo mode only: a simulated マイナンバーカード signing key.
 * </ul>
 *
 * <p>Like the portal, this module never depends on the resident register (tested): it knows what the identity
 * provider and the card proved, nothing else. See docs/identity.md.
 */
package jp.madoguchi.identity;
