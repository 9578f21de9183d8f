package jp.madoguchi.identity;

/** Verifies a detached CMS signature made with a JPKI-style signing certificate. */
public interface SignatureVerifier {
    SignatureVerification verify(byte[] signedContent, byte[] detachedCmsSignature);
}
