package jp.madoguchi.identity;

/**
 * デモ用の署名用電子証明書 — demo mode only (the bean exists only when the {@code demo} profile is active): a
 * simulated マイナンバーカード signing key under the demo CA 「窓口町デモ用 JPKI 署名用認証局（テスト用）」, which the
 * {@link SignatureVerifier} trusts in demo mode and never otherwise.
 */
public interface DemoSigningCard {

    /**
     * Signs {@code content} with a demo card issued to {@code holder} (issued at the first use and kept): its
     * certificate carries the holder's 基本4情報 in the subjectAltName as a JPKI signing certificate does.
     *
     * @return a detached CMS SignedData (DER) with the signing certificate
     */
    byte[] sign(ResidentIdentity holder, byte[] content);
}
