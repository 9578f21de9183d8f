/**
 * 本人確認 — resident identity (sign-in providers) and electronic-signature verification (placeholder API; see
 * docs/identity.md).
 */
package jp.madoguchi.identity;
