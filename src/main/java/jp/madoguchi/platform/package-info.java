/**
 * Platform: what every capability stands on — the database (embedded PostgreSQL by default, external by
 * configuration), the tenant of the current unit of work, and the web shell.
 *
 * <p>Public API at this package's root: {@link jp.madoguchi.platform.TenantContext}.
 */
package jp.madoguchi.platform;
