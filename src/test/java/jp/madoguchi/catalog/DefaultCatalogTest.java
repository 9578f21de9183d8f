package jp.madoguchi.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import jp.madoguchi.kit.OfficeCalendar;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The shipped default catalog: it loads and validates, it has everything issue 4 asks for, and every saved persona
 * gets exactly its expected procedures and deadlines.
 */
class DefaultCatalogTest {

    /** A fixed "today": validation's search anchors generated dates on it. */
    static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    static Catalog catalog;

    @BeforeAll
    static void load() {
        catalog = CatalogLoader.load(CatalogLoader.classpathFiles(CatalogLoader.DEFAULT_LOCATION), TODAY);
    }

    @Test
    void hasEveryLifeEventTheIssueNames() {
        List<String> names = catalog.events().values().stream().map(LifeEvent::name).toList();
        for (String keyword : List.of("転入", "転出", "転居", "出生", "死亡", "婚姻", "離婚", "妊娠", "入学", "65歳", "介護",
                "75歳", "退職", "罹災")) {
            assertThat(names).as("a life event about %s", keyword).anyMatch(n -> n.contains(keyword)
                    || catalog.events().values().stream().anyMatch(e -> e.name().contains(keyword)
                            || (e.summary() != null && e.summary().contains(keyword))));
        }
    }

    @Test
    void hasTheTwentySixChildcareAndNursingCareProceduresAndDisasterCertificate() {
        List<Procedure> tagged = catalog.procedures().values().stream().filter(p -> p.hasTag("online-26")).toList();
        assertThat(tagged).hasSize(26);
        assertThat(catalog.procedures().values()).extracting(Procedure::name)
                .contains("妊娠の届出", "保育施設等の利用申込", "要介護・要支援認定の申請", "児童手当の現況届")
                .anyMatch(n -> n.contains("罹災証明書"));
        for (Procedure p : tagged) {
            assertThat(p.online()).as("%s is online", p.name()).isPresent();
        }
    }

    @Test
    void hasAtLeastTwentyPersonasCoveringEveryLifeEvent() {
        assertThat(catalog.personas()).hasSizeGreaterThanOrEqualTo(20);
        for (LifeEvent e : catalog.events().values()) {
            assertThat(catalog.personas()).as("a persona for %s", e.code()).anyMatch(p -> p.event().equals(e.code()));
        }
    }

    @TestFactory
    Stream<DynamicTest> everyPersonaGetsItsExpectedProceduresAndDeadlines() {
        OfficeCalendar calendar = OfficeCalendar.standard();
        return catalog.personas().stream().map(persona -> DynamicTest.dynamicTest(persona.name(), () -> {
            LifeEvent event = catalog.event(persona.event()).orElseThrow();
            Determination d = LifeEventEvaluator.determine(catalog, event, Answers.read(event, persona.answers()), TODAY,
                    calendar);
            Map<String, Optional<LocalDate>> actual = new LinkedHashMap<>();
            d.procedures().forEach(p -> actual.put(p.procedure().code(), p.deadline()));
            List<String> missing = new ArrayList<>(persona.expect().keySet());
            missing.removeAll(actual.keySet());
            List<String> extra = new ArrayList<>(actual.keySet());
            extra.removeAll(persona.expect().keySet());
            assertThat(missing).as("expected but not given (%s)", persona.location().describe()).isEmpty();
            assertThat(extra).as("given but not expected (%s)", persona.location().describe()).isEmpty();
            assertThat(actual).as("deadlines (%s)", persona.location().describe()).isEqualTo(persona.expect());
        }));
    }
}
