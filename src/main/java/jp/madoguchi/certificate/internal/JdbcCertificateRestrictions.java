package jp.madoguchi.certificate.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
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
        return jdbc.sql("""
                select * from support_measure
                where protected_atena = :atena and valid_from <= :day and valid_to >= :day order by id
                """).param("atena", protectedAtena).param("day", day)
                .query((rs, n) -> new SupportMeasure(rs.getLong("id"), rs.getString("protected_atena"),
                        rs.getBoolean("all_third_parties"), rs.getString("restricted_name"),
                        rs.getObject("restricted_birth", LocalDate.class), rs.getString("restricted_atena"),
                        rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_to", LocalDate.class)))
                .list();
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

    /** The e-mail of a current 本人通知 registrant. */
    Optional<String> personalNotificationEmail(String atenaNumber) {
        return jdbc.sql("""
                select email from personal_notification where atena_number = :atena and ended_on is null
                """).param("atena", atenaNumber).query(String.class).optional();
    }
}
