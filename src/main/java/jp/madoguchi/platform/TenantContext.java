package jp.madoguchi.platform;

import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * The tenant (地方公共団体 — municipality, identified by its 6-digit 地方公共団体コード) of the current unit of work.
 *
 * <p>Every database transaction copies this value into the PostgreSQL setting {@code madoguchi.tenant}; row-level
 * security policies compare each tenant-owned row's {@code municipality_code} with it. Without a tenant the setting
 * is empty and tenant-owned tables show no rows and accept no writes (fail closed).
 *
 * <p>Set by the web layer from the signed-in staff member, and by background work explicitly through
 * {@link #runAs(String, Runnable)} / {@link #callAs(String, Callable)}.
 */
public final class TenantContext {

    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    private TenantContext() {
    }

    /** The current municipality code, if any. */
    public static Optional<String> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /** The current municipality code; fails when no tenant is set (a programming error, not a user error). */
    public static String require() {
        String code = CURRENT.get();
        if (code == null) {
            throw new IllegalStateException("No tenant (municipality) is set for this unit of work");
        }
        return code;
    }

    /** Runs {@code work} with {@code municipalityCode} as the tenant, restoring the previous tenant afterwards. */
    public static void runAs(String municipalityCode, Runnable work) {
        callAs(municipalityCode, () -> {
            work.run();
            return null;
        });
    }

    /** Calls {@code work} with {@code municipalityCode} as the tenant, restoring the previous tenant afterwards. */
    public static <T> T callAs(String municipalityCode, Callable<T> work) {
        String previous = CURRENT.get();
        CURRENT.set(municipalityCode);
        try {
            return work.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }

    /** Sets the tenant for the current thread until {@link #clear()}; for request filters. */
    public static void set(String municipalityCode) {
        CURRENT.set(municipalityCode);
    }

    /** Clears the tenant of the current thread. */
    public static void clear() {
        CURRENT.remove();
    }
}
