/**
 * Demo mode (デモ): a fictional municipality, 窓口町 (長野県, 地方公共団体コード 205991 — well-formed, not a real
 * municipality's), with thousands of synthetic residents and one staff sign-in per role, loaded only into an empty
 * database when the {@code demo} profile is active.
 */
package jp.madoguchi.demo;
