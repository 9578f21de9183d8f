package jp.madoguchi.identity;

/**
 * 電子署名の検証 — verifies a detached CMS SignedData (DER) over the exact submitted bytes, made with a JPKI-style
 * signing certificate: the content digest, the signature value, the chain to the configured trust anchors (PKIX),
 * the validity at verification time, the key usage and the revocation status from the issuer's CRL. Never throws
 * for bad input: every problem is an {@link SignatureVerification.Outcome} with a Japanese reason.
 */
public interface SignatureVerifier {

    SignatureVerification verify(byte[] signedContent, byte[] detachedCmsSignature);
}
