package jp.madoguchi.resident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import jp.madoguchi.audit.Channel;
import jp.madoguchi.audit.RecordedEvent;
import jp.madoguchi.demo.internal.DemoDataLoader;
import jp.madoguchi.platform.TenantContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;
import jp.madoguchi.support.MadoguchiIntegrationTest;

/** The register's audited path on the demo municipality's synthetic residents. */
@MadoguchiIntegrationTest
class ResidentRegisterTest {

    static final String DEMO = DemoDataLoader.DEMO_MUNICIPALITY.code();

    @Autowired ResidentRegister register;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate transactions;

    @BeforeEach
    void signInAsDemoStaff() {
        jp.madoguchi.support.StaffInContext.signInCounterClerk(DEMO);
        TenantContext.set(DEMO);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
        TenantContext.clear();
    }

    /** A resident picked from the database directly (not through the audited path), for comparisons. */
    private java.util.Map<String, Object> someResident() {
        return transactions.execute(s -> jdbc.sql("""
                select atena_number, name_kana, birth_date_code from resident_record
                where resident_type_code = '1' and birth_date_code ~ '^[1-5][0-9]{2}(0[1-9]|1[0-2])(0[1-9]|[12][0-9]|3[01])$' and superseded_at is null
                order by atena_number limit 1 offset 100
                """).query().singleRow());
    }

    @Test
    void kanaSearchToleratesHiraganaWidthAndSpaces() {
        String kana = (String) someResident().get("name_kana");
        String atena = (String) someResident().get("atena_number");
        String hiragana = jp.madoguchi.kit.Kana.katakanaToHiragana(kana);
        for (String typed : List.of(kana, kana.replace("\u3000", ""), hiragana, " " + hiragana.replace("\u3000", " "))) {
            List<ResidentSummary> hits = register.search(new ResidentQuery(typed, null, null),
                    AccessPurpose.COUNTER_SERVICE, Channel.OFFICE, "test");
            assertThat(hits).as("search for %s", typed).extracting(ResidentSummary::atenaNumber).contains(atena);
        }
    }

    @Test
    void birthDateNarrowsTheSearch() {
        var resident = someResident();
        String kana = ((String) resident.get("name_kana")).split("\u3000")[0];
        var date = jp.madoguchi.kit.RegisterDate.fromCode((String) resident.get("birth_date_code"));
        String typed = date.toLocalDate().orElseThrow().toString();
        List<ResidentSummary> hits = register.search(new ResidentQuery(kana, typed, null),
                AccessPurpose.COUNTER_SERVICE, Channel.OFFICE, "test");
        assertThat(hits).isNotEmpty().allSatisfy(hit -> assertThat(hit.birthDate())
                .isEqualTo(date.format(jp.madoguchi.kit.DateDisplay.WAREKI)));
        assertThat(hits).extracting(ResidentSummary::atenaNumber).contains((String) resident.get("atena_number"));
    }

    @Test
    void badQueriesAreRefusedWithTheField() {
        assertThatThrownBy(() -> register.search(new ResidentQuery(" ", "", null), AccessPurpose.COUNTER_SERVICE,
                Channel.OFFICE, "test")).isInstanceOf(ResidentQueryException.class)
                .hasMessageContaining("氏名カナか宛名番号を入力してください");
        assertThatThrownBy(() -> register.search(new ResidentQuery(null, "昭和60年7月7日", null),
                AccessPurpose.COUNTER_SERVICE, Channel.OFFICE, "test"))
                .hasMessageContaining("生年月日だけでは検索できません");
        String atena = (String) someResident().get("atena_number");
        String wrongDigit = atena.substring(0, atena.length() - 1)
                + (char) ('0' + (atena.charAt(atena.length() - 1) - '0' + 1) % 10);
        assertThatThrownBy(() -> register.search(new ResidentQuery(null, null, wrongDigit),
                AccessPurpose.COUNTER_SERVICE, Channel.OFFICE, "test"))
                .isInstanceOf(ResidentQueryException.class)
                .satisfies(e -> assertThat(((ResidentQueryException) e).field()).isEqualTo("atenaNumber"))
                .hasMessageContaining("検査数字");
        assertThatThrownBy(() -> register.search(new ResidentQuery("ヤマダ", "平成99年13月1日", null),
                AccessPurpose.COUNTER_SERVICE, Channel.OFFICE, "test"))
                .satisfies(e -> assertThat(((ResidentQueryException) e).field()).isEqualTo("birthDate"));
        assertThatThrownBy(() -> register.search(new ResidentQuery("ヤマダ", null, null), null, Channel.OFFICE, "t"))
                .hasMessageContaining("利用目的");
    }

    @Test
    void everyReadIsRecordedWithWhoWhyAndWhere() {
        String atena = (String) someResident().get("atena_number");
        int before = register.accessesTo(atena).size();
        ResidentDetail detail = register.read(atena, AccessPurpose.CERTIFICATE, Channel.OFFICE, "test:detail")
                .orElseThrow();
        assertThat(detail.current().atenaNumber()).isEqualTo(atena);
        assertThat(detail.household()).extracting(ResidentDetail.HouseholdMember::atenaNumber).contains(atena);
        List<RecordedEvent> accesses = register.accessesTo(atena);
        assertThat(accesses).hasSize(before + 1);
        RecordedEvent last = accesses.get(0);
        assertThat(last.type()).isEqualTo("resident.read");
        assertThat(last.actor().name()).isEqualTo("試験 職員");
        assertThat(last.purpose()).isEqualTo("証明書の発行");
        assertThat(last.via()).isEqualTo("test:detail");
        assertThat(last.channel()).isEqualTo(Channel.OFFICE);
        for (ResidentDetail.HouseholdMember member : detail.household()) {
            if (!member.atenaNumber().equals(atena)) {
                assertThat(register.accessesTo(member.atenaNumber()).get(0))
                        .as("household member %s shown, so logged", member.atenaNumber())
                        .satisfies(e -> assertThat(e.type()).isEqualTo("resident.listed"))
                        .satisfies(e -> assertThat(e.via()).isEqualTo("test:detail"));
            }
        }
    }

    @Test
    void historyCannotBeOverwritten() {
        String atena = (String) someResident().get("atena_number");
        assertThatThrownBy(() -> transactions.executeWithoutResult(s -> jdbc.sql(
                "update resident_record set family_name = '改竄' where atena_number = :a").param("a", atena).update()))
                .rootCause().hasMessageContaining("permission denied for table resident_record");
        assertThatThrownBy(() -> transactions.executeWithoutResult(s -> jdbc.sql(
                "delete from resident_record where atena_number = :a").param("a", atena).update()))
                .rootCause().hasMessageContaining("permission denied for table resident_record");
        // Superseding is the one allowed update, and only once: a superseded record stays as it was.
        assertThatThrownBy(() -> transactions.executeWithoutResult(s -> {
            jdbc.sql("update resident_record set superseded_at = now() where atena_number = :a")
                    .param("a", atena).update();
            jdbc.sql("update resident_record set superseded_at = now() + interval '1 day' where atena_number = :a")
                    .param("a", atena).update();
        })).rootCause().hasMessageContaining("住民記録の履歴は書き換えられません");
        assertThat(register.read(atena, AccessPurpose.AUDIT, Channel.OFFICE, "test").orElseThrow().current()
                .current()).as("rolled back: still current").isTrue();
    }

    @Test
    void foreignResidentsBirthDatesShowInWesternCalendar() {
        var foreign = transactions.execute(s -> jdbc.sql("""
                select atena_number from resident_record where resident_type_code = '2' and alias is not null
                order by atena_number limit 1
                """).query(String.class).single());
        ResidentDetail detail = register.read(foreign, AccessPurpose.COUNTER_SERVICE, Channel.OFFICE, "test")
                .orElseThrow();
        assertThat(detail.current().foreignResident()).isTrue();
        assertThat(detail.current().alias()).isNotBlank();
        assertThat(detail.current().birthDate()).matches("(\\d{4}年.*|年月日不詳)");
    }
}
