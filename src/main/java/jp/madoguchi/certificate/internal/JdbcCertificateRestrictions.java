package jp.madoguchi.certificate.internal;

import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import jp.madoguchi.certificate.CertificateRestrictions;
import jp.madoguchi.certificate.Requester;
import jp.madoguchi.platform.TenantContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** 支援措置 and 本人通知 registrations on PostgreSQL. */
@Service
class JdbcCertificateRestrictions implements CertificateRestrictions {

    private final JdbcClient jdbc;

    JdbcCertificateRestrictions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public long addSupportMeasure(String protectedAtena, boolean allThirdParties, Requester restricted,
            LocalDate from, LocalDate to) {
        return jdbc.sql("""
                insert into support_measure (municipality_code, protected_atena, all_third_parties, restricted_name,
                    restricted_birth, restricted_atena, valid_from, valid_to)
                values (:tenant, :protected, :all, :name, :birth, :atena, :from, :to)
                returning id
                """).param("tenant", TenantContext.require()).param("protected", protectedAtena)
                .param("all", allThirdParties)
                .param("name", restricted == null ? null : restricted.name())
                .param("birth", restricted == null ? null : restricted.birthDate())
                .param("atena", restricted == null ? null : restricted.atenaNumber())
                .param("from", from).param("to", to).query(Long.class).single();
    }

    @Override
    @Transactional(readOnly = true)
    public List<SupportMeasure> measuresFor(String protectedAtena, LocalDate day) {
        return measuresFor(List.of(protectedAtena), day).getOrDefault(protectedAtena, List.of());
    }

    /** The measures protecting any of these persons on {@code day}, by protected 宛名番号 (one query per household). */
    Map<String, List<SupportMeasure>> measuresFor(Collection<String> protectedAtenas, LocalDate day) {
        return jdbc.sql("""
                select * from support_measure
                where protected_atena = any(:atenas) and valid_from <= :day and valid_to >= :day order by id
                """).param("atenas", protectedAtenas.toArray(String[]::new)).param("day", day)
                .query((rs, n) -> new SupportMeasure(rs.getLong("id"), rs.getString("protected_atena"),
                        rs.getBoolean("all_third_parties"), rs.getString("restricted_name"),
                        rs.getObject("restricted_birth", LocalDate.class), rs.getString("restricted_atena"),
                        rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_to", LocalDate.class)))
                .list().stream().collect(Collectors.groupingBy(SupportMeasure::protectedAtena));
    }

    @Override
    @Transactional
    public void registerPersonalNotification(String atenaNumber, String email, LocalDate on) {
        if (email == null || !email.strip().matches("[^@\\s]+@[^@\\s]+")) {
            throw new IllegalArgumentException("本人通知のメールアドレスの形式が正しくありません。");
        }
        jdbc.sql("""
                insert into personal_notification (municipality_code, atena_number, email, registered_on)
                values (:tenant, :atena, :email, :on)
                on conflict (municipality_code, atena_number) do update set email = excluded.email, ended_on = null
                """).param("tenant", TenantContext.require()).param("atena", atenaNumber).param("email", email.strip())
                .param("on", on).update();
    }

    /** The e-mail of each current 本人通知 registrant among these persons, by 宛名番号. */
    Map<String, String> personalNotificationEmails(Collection<String> atenaNumbers) {
        Map<String, String> emails = new LinkedHashMap<>();
        jdbc.sql("""
                select atena_number, email from personal_notification where atena_number = any(:atenas)
                  and ended_on is null
                """).param("atenas", atenaNumbers.toArray(String[]::new))
                .query(rs -> {
                    emails.put(rs.getString(1), rs.getString(2));
                });
        return emails;
    }
}
