package jp.madoguchi.resident.internal;

import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The register's code tables (data in {@code code_table_entry}), read once and kept. */
@Component
class CodeTables {

    private final JdbcClient jdbc;
    private final Map<String, Map<String, String>> cache = new ConcurrentHashMap<>();

    CodeTables(JdbcClient jdbc) {
        this.jdbc = jdbc;
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
                """).param("id", id).param("today", LocalDate.now())
                .query((rs, n) -> Map.entry(rs.getString("code"), rs.getString("label")))
                .list().stream().collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue)));
    }
}
