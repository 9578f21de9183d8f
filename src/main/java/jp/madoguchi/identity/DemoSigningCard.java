package jp.madoguchi.identity;

/** Demo only: a simulated My Number Card signing key. */
public interface DemoSigningCard {
    /** A detached CMS SignedData (DER) over {@code content}. */
    byte[] sign(byte[] content);
}
