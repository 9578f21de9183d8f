package jp.madoguchi.reservation.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import jp.madoguchi.platform.TenantContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The reservation settings of each municipality as read by the booking path (services, opening hours, special days,
 * campaigns, and what to bring for each service as resolved from the procedure catalog in force), kept in memory so
 * that a booking does not re-read four tables. Only the portal's read paths use it; the settings screen reads the
 * tables directly.
 *
 * <p><b>Freshness.</b> Every write through {@link SettingsRepository} calls {@link #invalidate()}, which bumps a
 * generation counter at once and again when the writing transaction completes (commit or rollback). An entry is
 * used only while its generation is current, and it is stamped with the generation seen <em>before</em> its tables
 * were read, so a reader that raced with a write never keeps what it read. Entries also expire after
 * {@link #TTL_NANOS}, which bounds staleness for writes the application cannot see (another instance, manual SQL)
 * and for a new catalog version coming into force (what to bring).
 * Staleness never threatens capacity: the slot row's {@code CHECK (booked <= capacity)} and the conditional upsert
 * hold in the database whatever capacity the caller computed.
 */
@Component
class SettingsCache {

    static final long TTL_NANOS = 5_000_000_000L;
    private static final AtomicLong GENERATION = new AtomicLong();

    /** The settings of one municipality at one moment. */
    record Snapshot(List<Settings.Service> services, List<Settings.OpeningHours> openingHours,
            List<Settings.SpecialDay> specialDays, List<Settings.Campaign> campaigns,
            Map<String, WhatToBring> whatToBring) {

        Snapshot {
            services = List.copyOf(services);
            openingHours = List.copyOf(openingHours);
            specialDays = List.copyOf(specialDays);
            campaigns = List.copyOf(campaigns);
            whatToBring = Map.copyOf(whatToBring);
        }

        Optional<Settings.Service> service(String code) {
            return services.stream().filter(s -> s.code().equals(code)).findFirst();
        }
    }

    private record Entry(long generation, long loadedAt, Snapshot snapshot) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    /** The current tenant's snapshot, from memory when fresh, else from {@code loader} (which must read the tables). */
    Snapshot get(Supplier<Snapshot> loader) {
        String municipality = TenantContext.require();
        long generation = GENERATION.get();
        Entry entry = entries.get(municipality);
        if (entry != null && entry.generation() == generation && System.nanoTime() - entry.loadedAt() < TTL_NANOS) {
            return entry.snapshot();
        }
        Snapshot snapshot = loader.get();
        entries.put(municipality, new Entry(generation, System.nanoTime(), snapshot));
        return snapshot;
    }

    /** Forgets every snapshot now and again when the current transaction (if any) completes. */
    static void invalidate() {
        GENERATION.incrementAndGet();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    GENERATION.incrementAndGet();
                }
            });
        }
    }
}
