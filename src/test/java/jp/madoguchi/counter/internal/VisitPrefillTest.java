package jp.madoguchi.counter.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.madoguchi.application.ApplicationService;
import jp.madoguchi.audit.AuditEvent;
import jp.madoguchi.catalog.FormInput;
import jp.madoguchi.demo.internal.DemoDataLoader;
import jp.madoguchi.platform.TenantContext;
import jp.madoguchi.support.MadoguchiIntegrationTest;
import jp.madoguchi.support.StaffInContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The counter's prefill on the demo おくやみ case, through the service: what the register, the card and the answers
 * fill (the deceased, 資格喪失日, the visitor's 続柄, the remaining household, the children), and the counts — a value
 * typed once is reused on the other sheets (prefilled there, typed once), a prefilled value staff change counts as
 * typed, and clearing a typed value clears it where it was reused.
 */
@MadoguchiIntegrationTest
class VisitPrefillTest {

    static final String DEMO = DemoDataLoader.DEMO_MUNICIPALITY.code();
    static final AuditEvent.Actor STAFF = AuditEvent.Actor.staff(1, "テスト職員");
    /** The sheets that have the bank account (振込先) of the applicant. */
    static final List<String> PAYING = List.of("kokuho-sousaihi", "kougaku-ryouyouhi", "jidou-teate-mishiharai",
            "jidou-teate-nintei");

    @Autowired VisitService visits;
    @Autowired ApplicationService applications;
    @Autowired jp.madoguchi.resident.ResidentRegister register;

    @BeforeEach
    void signIn() {
        StaffInContext.signInCounterClerk(DEMO);
    }

    @AfterEach
    void signOut() {
        StaffInContext.signOut();
    }

    <T> T demo(java.util.concurrent.Callable<T> work) {
        return TenantContext.callAs(DEMO, work);
    }

    Visit reload(Visit v) {
        return demo(() -> visits.require(v.id()));
    }

    void type(Visit v, String code, String path, String value) {
        demo(() -> {
            visits.type(v.id(), code, Map.of(path, value));
            return null;
        });
    }

    /** The wife's visit for her husband's death, with every town procedure of the demo case prepared. */
    Visit prepared(String... assets) {
        Visit v = answered(assets);
        return demo(() -> {
            List<String> withForm = visits.determination(v).orElseThrow().codes().stream()
                    .filter(c -> applications.catalog().form(c).isPresent()).toList();
            visits.pick(v.id(), withForm);
            return visits.require(v.id());
        });
    }

    /** The wife's visit for her husband's death, the questionnaire answered. */
    Visit answered(String... assets) {
        Visit v = demo(() -> visits.require(visits.open(OkuyamiDemoContent.WIFE, "CARD", List.of(), STAFF)));
        return demo(() -> {
            visits.chooseEvent(v.id(), VisitService.OKUYAMI_EVENT, OkuyamiDemoContent.DECEASED);
            Map<String, Object> answers = new LinkedHashMap<>();
            answers.put("insurance", "kokuho");
            answers.put("highMedical", "true");
            answers.put("receivedPension", "true");
            answers.put("hadInkan", "true");
            answers.put("receivedJidouTeate", "true");
            answers.put("disabilityBook", "true");
            answers.put("assets", List.of(assets));
            answers.put("largeEstate", "false");
            answers.put("needsIncomeTaxReturn", "false");
            visits.answer(v.id(), answers);
            return visits.require(v.id());
        });
    }

    static String raw(Visit v, String code, String field) {
        Object value = v.sheets().get(code).raw().get(field);
        return value == null ? null : String.valueOf(value);
    }

    @Test
    void theRegisterAnswersTheHouseholdQuestionAndPreparesEveryTownProcedure() {
        Visit v = prepared("realestate", "moped", "bank");
        assertThat(v.answers()).containsEntry("wasHouseholdHead", true).containsEntry("remainingMembers", "2");
        assertThat(v.procedures()).containsExactlyInAnyOrder("setainushi-henkou", "inkan-haishi", "kokuho-soushitsu",
                "kokuho-sousaihi", "kougaku-ryouyouhi", "kaigo-soushitsu", "jidou-teate-mishiharai",
                "jidou-teate-nintei", "shougai-techou-henkan", "kotei-souzokunin-daihyousha", "gentsuki-touroku");
        assertThat(v.typedCount()).isZero();
        assertThat(v.reusedCount()).isZero();
    }

    @Test
    void preparingTheSheetsReadsEachPersonOnce() {
        List<String> people = List.of(OkuyamiDemoContent.WIFE, OkuyamiDemoContent.DECEASED,
                OkuyamiDemoContent.ATENA.get(2));
        Visit v = answered("bank");
        Map<String, Long> before = demo(() -> newestAccess(people));
        demo(() -> {
            visits.pick(v.id(), visits.determination(v).orElseThrow().codes().stream()
                    .filter(c -> applications.catalog().form(c).isPresent()).toList());
            return null;
        });
        // The visitor, the deceased and the son (a child of the visitor's household and a remaining member of the
        // deceased's): one audited read each, though the prefill uses the visitor, her children and his household.
        for (String atena : people) {
            long reads = demo(() -> register.accessesTo(atena).stream()
                    .filter(e -> e.id() > before.get(atena) && e.type().equals("resident.read")).count());
            assertThat(reads).as(atena).isEqualTo(1);
        }
    }

    private Map<String, Long> newestAccess(List<String> atenas) {
        Map<String, Long> out = new LinkedHashMap<>();
        atenas.forEach(a -> out.put(a, register.accessesTo(a).stream().mapToLong(e -> e.id()).max().orElse(0)));
        return out;
    }

    @Test
    void theDeceasedTheLossDateTheRelationsAndTheHouseholdArePrefilled() {
        Visit v = prepared("realestate", "bank");
        LocalDate death = demo(() -> visits.person(OkuyamiDemoContent.DECEASED,
                jp.madoguchi.resident.AccessPurpose.COUNTER_SERVICE).orElseThrow().movedDate());
        Visit.Sheet loss = v.sheets().get("kokuho-soushitsu");
        assertThat(loss.raw()).containsEntry("deceasedName", "山路　健一").containsEntry("lossReason", "death")
                .containsEntry("deathDate", FormInput.rawDate(death))
                .containsEntry("lossDate", FormInput.rawDate(death.plusDays(1)))
                .containsEntry("relationToDeceased", "妻").containsEntry("applicantName", "山路　美咲");
        assertThat(loss.prefilled()).contains("deceasedName", "deceasedKana", "deceasedBirthDate", "deceasedAddress",
                "lossReason", "deathDate", "lossDate", "relationToDeceased", "applicantName", "applicantKana",
                "address").doesNotContain("phone");
        assertThat(v.sheets().get("kaigo-soushitsu").raw()).containsEntry("lossDate",
                FormInput.rawDate(death.plusDays(1)));

        Visit.Sheet head = v.sheets().get("setainushi-henkou");
        assertThat(head.raw()).containsEntry("sameHousehold", "true");
        assertThat(head.prefilled()).contains("household[1].name", "household[1].relationship", "household[2].name",
                "household[2].birthDate").doesNotContain("newHead");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> household = (List<Map<String, Object>>) head.raw().get("household");
        assertThat(household).extracting(m -> m.get("name")).containsExactly("山路　美咲", "山路　陽太");
        assertThat(household).extracting(m -> m.get("relationship")).containsExactly("妻", "子");

        assertThat(v.sheets().get("jidou-teate-mishiharai").raw()).containsEntry("relationshipToDeceased", "子");
        assertThat(v.sheets().get("kougaku-ryouyouhi").raw()).containsEntry("insurance", "kokuho");
        for (String code : PAYING) {
            assertThat(v.sheets().get(code).raw()).as(code).containsEntry("accountHolderKana", "ヤマジ　ミサキ");
            assertThat(v.sheets().get(code).prefilled()).as(code).contains("accountHolderKana")
                    .doesNotContain("bankName", "accountNumber");
        }
        // 国保 記号番号 / 被保険者番号 are not in the register: the forms leave them to the department.
        assertThat(v.sheets().get("kokuho-soushitsu").raw()).doesNotContainKeys("insuredNumber", "symbolNumber");
    }

    @Test
    void aValueTypedOnceIsReusedOnTheOtherSheetsAndCountedOnce() {
        Visit v = prepared("bank");
        int prefilled = v.prefilledCount();
        type(v, "kokuho-sousaihi", "bankName", "窓口信用金庫");
        Visit after = reload(v);
        assertThat(after.typedCount()).isEqualTo(1);
        assertThat(after.reusedCount()).isEqualTo(PAYING.size() - 1);
        assertThat(after.prefilledCount()).isEqualTo(prefilled + PAYING.size() - 1);
        for (String code : PAYING) {
            assertThat(raw(after, code, "bankName")).as(code).isEqualTo("窓口信用金庫");
        }
        assertThat(after.sheets().get("kougaku-ryouyouhi").reused()).containsExactly("bankName");
        assertThat(after.sheets().get("kokuho-sousaihi").typed()).containsExactly("bankName");

        // Changed where it was typed: changed where it was reused; still typed once.
        type(v, "kokuho-sousaihi", "bankName", "窓口銀行");
        after = reload(v);
        assertThat(raw(after, "jidou-teate-nintei", "bankName")).isEqualTo("窓口銀行");
        assertThat(after.typedCount()).isEqualTo(1);
        assertThat(after.reusedCount()).isEqualTo(PAYING.size() - 1);

        // Typed differently on one sheet: that sheet keeps its own value, which is not reused over the others'.
        type(v, "jidou-teate-nintei", "bankName", "窓口農協");
        after = reload(v);
        assertThat(raw(after, "jidou-teate-nintei", "bankName")).isEqualTo("窓口農協");
        assertThat(raw(after, "kougaku-ryouyouhi", "bankName")).isEqualTo("窓口銀行");
        assertThat(after.typedCount()).isEqualTo(2);
        assertThat(after.reusedCount()).isEqualTo(PAYING.size() - 2);

        // Cleared where it was typed first: cleared where it was reused, not where it was typed.
        type(v, "kokuho-sousaihi", "bankName", "");
        after = reload(v);
        assertThat(raw(after, "kougaku-ryouyouhi", "bankName")).isNull();
        assertThat(raw(after, "jidou-teate-nintei", "bankName")).isEqualTo("窓口農協");
        assertThat(after.typedCount()).isEqualTo(1);
        assertThat(after.reusedCount()).isZero();
        assertThat(after.prefilledCount()).isEqualTo(prefilled);
    }

    @Test
    void aPrefilledValueStaffCorrectCountsAsTyped() {
        Visit v = prepared("bank");
        int prefilled = v.prefilledCount();
        String relation = raw(v, "kokuho-sousaihi", "relationToDeceased");
        type(v, "kokuho-sousaihi", "relationToDeceased", relation);
        assertThat(reload(v).typedCount()).as("saved unchanged: still prefilled").isZero();
        assertThat(reload(v).prefilledCount()).isEqualTo(prefilled);

        type(v, "kokuho-sousaihi", "relationToDeceased", "妻（喪主）");
        Visit after = reload(v);
        assertThat(raw(after, "kokuho-sousaihi", "relationToDeceased")).isEqualTo("妻（喪主）");
        assertThat(after.sheets().get("kokuho-sousaihi").typed()).containsExactly("relationToDeceased");
        assertThat(after.sheets().get("kokuho-sousaihi").prefilled()).doesNotContain("relationToDeceased");
        assertThat(after.typedCount()).isEqualTo(1);
        // The other sheets' own prefilled 続柄 are theirs: not overwritten by the correction.
        assertThat(raw(after, "kokuho-soushitsu", "relationToDeceased")).isEqualTo(relation);
        assertThat(after.prefilledCount()).isEqualTo(prefilled - 1);

        // A prefilled date typed in 和暦 that means the same day stays prefilled.
        LocalDate day = demo(() -> visits.person(OkuyamiDemoContent.DECEASED,
                jp.madoguchi.resident.AccessPurpose.COUNTER_SERVICE).orElseThrow().movedDate());
        VisitService.Input shown = demo(() -> visits.inputs(reload(v), "kokuho-sousaihi")).stream()
                .filter(in -> in.path().equals("deathDate")).findFirst().orElseThrow();
        assertThat(shown.filled()).isTrue();
        assertThat(shown.display()).isEqualTo(jp.madoguchi.kit.Wareki.format(day));
        type(v, "kokuho-sousaihi", "deathDate", shown.display());
        assertThat(reload(v).sheets().get("kokuho-sousaihi").prefilled()).contains("deathDate");
    }

    @Test
    void theCountsAreRecordedWhenTheVisitorConfirms() {
        Visit v = prepared("realestate", "bank");
        demo(() -> {
            // Twice: an answer (請求する方＝法定代理人) opens further fields.
            for (String code : java.util.stream.Stream.concat(v.procedures().stream(), v.procedures().stream())
                    .toList()) {
                Map<String, String> input = new LinkedHashMap<>();
                for (VisitService.Input in : visits.inputs(visits.require(v.id()), code)) {
                    if (in.filled()) {
                        continue;
                    }
                    String value = switch (in.path()) {
                        case "phone" -> "0263-12-3456";
                        case "newHead" -> "applicant";
                        case "funeralDate" -> LocalDate.now().minusDays(1).toString();
                        case "bankName" -> "窓口信用金庫";
                        case "branchName" -> "本店";
                        case "accountType" -> "futsuu";
                        case "accountNumber" -> "1234567";
                        case "bookKinds" -> "physical";
                        case "postcode" -> "3990001";
                        case "email" -> "misaki@example.jp";
                        case "pension" -> "kokumin";
                        case "applicantRole" -> "guardian";
                        case "children[1].guardianRelation" -> "親権者（母）";
                        case "bankbookCopy", "funeralProof", "guardianProof" -> "seen";
                        default -> null;
                    };
                    if (value != null) {
                        input.put(in.path(), value);
                    }
                }
                visits.type(v.id(), code, input);
            }
            return null;
        });
        Visit ready = reload(v);
        assertThat(demo(() -> visits.problems(ready))).isEmpty();
        assertThat(ready.procedures()).hasSize(10);
        assertThat(ready.typedCount()).isEqualTo(13);
        // The figure of docs/counter.md: the same as the browser test's flow.
        assertThat(ready.prefilledCount()).isEqualTo(133);
        assertThat(ready.reusedCount()).isEqualTo(23);
        demo(() -> visits.confirm(ready.token(), ready.id(), ready.checkCode(), ready.version(), true, null));
        Map<String, Object> confirmed = demo(() -> visits.events(v.id()).stream()
                .filter(e -> e.kind().equals("CONFIRMED")).findFirst().orElseThrow().details());
        assertThat(confirmed).containsEntry("typed", 13).containsEntry("prefilled", ready.prefilledCount())
                .containsEntry("reused", ready.reusedCount());
        assertThat(ready.reusedCount()).isPositive();
    }
}
