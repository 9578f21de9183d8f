package jp.madoguchi.resident.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The register's code tables (data in {@code code_table_entry}): the entries valid on the day a table is first
 * used, kept for the life of the process (code tables change with a release of the shipped data, not at run time).
 */
@Component
class CodeTables {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Map<String, Map<String, String>> cache = new ConcurrentHashMap<>();

    CodeTables(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The label of {@code code} in table {@code tableId} valid today, or the code itself marked unknown. */
    String label(String tableId, String code) {
        String label = table(tableId).get(code);
        return label != null ? label : "不明なコード(" + code + ")";
    }

    boolean isKnown(String tableId, String code) {
        return table(tableId).containsKey(code);
    }

    private Map<String, String> table(String tableId) {
        return cache.computeIfAbsent(tableId, id -> jdbc.sql("""
                select code, label from code_table_entry
                where table_id = :id and valid_from <= :today and (valid_to is null or valid_to >= :today)
                """).param("id", id).param("today", LocalDate.now(clock))
                .query((rs, n) -> Map.entry(rs.getString("code"), rs.getString("label")))
                .list().stream().collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue)));
    }
}
