package jp.madoguchi.identity.internal;

import java.security.cert.X509Certificate;
import java.util.List;

/**
 * Trust anchors and CRLs added beside the configured ones: only the demo CA (in demo mode) contributes.
 */
interface TrustContribution {

    List<X509Certificate> trustAnchors();

    List<CrlSource> crlSources();
}
