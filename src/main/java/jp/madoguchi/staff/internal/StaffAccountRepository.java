package jp.madoguchi.staff.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import jp.madoguchi.platform.TenantContext;
import jp.madoguchi.staff.StaffRole;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for staff accounts. Every query runs under row-level security for the current tenant. */
@Repository
class StaffAccountRepository {

    record Row(long id, String municipalityCode, String loginId, String displayName, String passwordHash,
            Set<StaffRole> roles, boolean enabled, int failedAttempts, Instant lockedUntil) {

        boolean lockedAt(Instant now) {
            return lockedUntil != null && lockedUntil.isAfter(now);
        }
    }

    private final JdbcClient jdbc;

    StaffAccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Row> findByLoginId(String loginId) {
        return jdbc.sql("select * from staff_account where login_id = :loginId")
                .param("loginId", loginId).query(StaffAccountRepository::map).optional();
    }

    Optional<Row> findById(long id) {
        return jdbc.sql("select * from staff_account where id = :id").param("id", id)
                .query(StaffAccountRepository::map).optional();
    }

    List<Row> list() {
        return jdbc.sql("select * from staff_account order by login_id").query(StaffAccountRepository::map).list();
    }

    long insert(String loginId, String displayName, String passwordHash, Set<StaffRole> roles, Long createdBy) {
        return jdbc.sql("""
                insert into staff_account (municipality_code, login_id, display_name, password_hash, roles, created_by)
                values (:tenant, :loginId, :displayName, :hash, cast(:roles as text[]), :createdBy)
                returning id
                """)
                .param("tenant", TenantContext.require())
                .param("loginId", loginId)
                .param("displayName", displayName)
                .param("hash", passwordHash)
                .param("roles", "{" + roles.stream().map(Enum::name).sorted().collect(Collectors.joining(",")) + "}")
                .param("createdBy", createdBy)
                .query(Long.class).single();
    }

    boolean setEnabled(long id, boolean enabled) {
        return jdbc.sql("update staff_account set enabled = :enabled, failed_attempts = 0, locked_until = null "
                + "where id = :id").param("enabled", enabled).param("id", id).update() == 1;
    }

    void recordFailure(long id, int maxAttempts, Instant lockUntil) {
        jdbc.sql("""
                update staff_account
                set failed_attempts = failed_attempts + 1,
                    locked_until = case when failed_attempts + 1 >= :max then :lockUntil else locked_until end
                where id = :id
                """)
                .param("max", maxAttempts)
                .param("lockUntil", OffsetDateTime.ofInstant(lockUntil, java.time.ZoneOffset.UTC))
                .param("id", id).update();
    }

    void recordSuccess(long id) {
        jdbc.sql("update staff_account set failed_attempts = 0, locked_until = null where id = :id")
                .param("id", id).update();
    }

    private static Row map(ResultSet rs, int rowNum) throws SQLException {
        Array array = rs.getArray("roles");
        Set<StaffRole> roles = EnumSet.noneOf(StaffRole.class);
        Arrays.stream((String[]) array.getArray()).map(StaffRole::valueOf).forEach(roles::add);
        OffsetDateTime locked = rs.getObject("locked_until", OffsetDateTime.class);
        return new Row(rs.getLong("id"), rs.getString("municipality_code"), rs.getString("login_id"),
                rs.getString("display_name"), rs.getString("password_hash"), roles, rs.getBoolean("enabled"),
                rs.getInt("failed_attempts"), locked == null ? null : locked.toInstant());
    }
}
