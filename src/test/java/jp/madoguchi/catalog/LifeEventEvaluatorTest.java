package jp.madoguchi.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import jp.madoguchi.kit.OfficeCalendar;
import org.junit.jupiter.api.Test;

class LifeEventEvaluatorTest {

    final Catalog catalog = MiniCatalog.load();
    final LifeEvent tennyu = catalog.event("tennyu").orElseThrow();
    final OfficeCalendar calendar = OfficeCalendar.standard();

    @Test
    void asksChildrensBirthDatesOnlyWhenThereAreChildren() {
        Answers noChildren = Answers.read(tennyu, Map.of("moveInDate", "2026-04-03", "hasChildren", "false"));
        Questionnaire q = LifeEventEvaluator.questionnaire(tennyu, noChildren, MiniCatalog.TODAY);
        assertThat(q.asked()).extracting(Question::id).containsExactly("moveInDate", "hasChildren", "insurance");
        assertThat(q.next()).map(Question::id).hasValue("insurance");

        Answers withChildren = noChildren.with("hasChildren", true);
        Questionnaire q2 = LifeEventEvaluator.questionnaire(tennyu, withChildren, MiniCatalog.TODAY);
        assertThat(q2.asked()).extracting(Question::id)
                .containsExactly("moveInDate", "hasChildren", "children", "insurance");
        assertThat(q2.next()).map(Question::id).hasValue("children");
    }

    @Test
    void dropsAnswersToQuestionsNoLongerAsked() {
        Answers answers = Answers.read(tennyu, Map.of("moveInDate", "2026-04-03", "hasChildren", "false",
                "children", List.of(Map.of("birthDate", "2016-06-10")), "insurance", "employee"));
        Questionnaire q = LifeEventEvaluator.questionnaire(tennyu, answers, MiniCatalog.TODAY);
        assertThat(q.answers().has("children")).isFalse();
        assertThat(q.complete()).isTrue();
        Determination d = LifeEventEvaluator.determine(catalog, tennyu, answers, MiniCatalog.TODAY, calendar);
        assertThat(d.codes()).containsExactly("tennyu-todoke");
    }

    @Test
    void givesReasonsTriggeringQuestionsAndDeadlines() {
        Answers answers = Answers.read(tennyu, Map.of("moveInDate", "2026-04-03", "hasChildren", "true",
                "children", List.of(Map.of("birthDate", "2016-06-10"), Map.of("birthDate", "2008-05-01")),
                "insurance", "kokuho"));
        Determination d = LifeEventEvaluator.determine(catalog, tennyu, answers, MiniCatalog.TODAY, calendar);
        assertThat(d.codes()).containsExactly("tennyu-todoke", "jidou-teate", "tengaku", "kokuho");
        ApplicableProcedure jidou = d.procedures().get(1);
        assertThat(jidou.reasons()).containsExactly("高校生年代までのお子さんがいるため");
        assertThat(jidou.triggeringQuestions()).containsExactly("children");
        // 2026-04-03 + 15 days = 2026-04-18 (a Saturday) → Monday 2026-04-20.
        assertThat(jidou.deadline()).hasValue(LocalDate.of(2026, 4, 20));
        assertThat(d.procedures().get(0).deadline()).hasValue(LocalDate.of(2026, 4, 17));
        assertThat(d.procedures().get(2).deadline()).isEmpty();
        assertThat(d.procedures().get(3).triggeringQuestions()).containsExactly("insurance");
    }

    @Test
    void childAllowanceEndsWithTheFirstMarch31AfterTurningEighteen() {
        // 児童手当: until the first 31 March on or after the day the child reaches 18 (the day before the birthday).
        // Born 2008-04-01 reaches 18 on 2026-03-31: no longer eligible on 2026-04-03.
        // Born 2008-04-02 reaches 18 on 2026-04-01: eligible until 2027-03-31.
        Answers born0401 = Answers.read(tennyu, Map.of("moveInDate", "2026-04-03", "hasChildren", "true",
                "children", List.of(Map.of("birthDate", "2008-04-01")), "insurance", "employee"));
        Answers born0402 = born0401.with("children", List.of(Map.of("birthDate", LocalDate.of(2008, 4, 2))));
        assertThat(LifeEventEvaluator.determine(catalog, tennyu, born0401, MiniCatalog.TODAY, calendar).codes())
                .containsExactly("tennyu-todoke");
        assertThat(LifeEventEvaluator.determine(catalog, tennyu, born0402, MiniCatalog.TODAY, calendar).codes())
                .containsExactly("tennyu-todoke", "jidou-teate");
    }

    @Test
    void refusesAChildBornAfterTheMoveWithTheItemNamed() {
        Answers answers = Answers.read(tennyu, Map.of("moveInDate", "2026-04-03", "hasChildren", "true",
                "children", List.of(Map.of("birthDate", "2016-06-10"), Map.of("birthDate", "2026-05-01")),
                "insurance", "employee"));
        assertThatThrownBy(() -> LifeEventEvaluator.determine(catalog, tennyu, answers, MiniCatalog.TODAY, calendar))
                .isInstanceOfSatisfying(AnswerException.class, e -> assertThat(e.problems()).singleElement()
                        .satisfies(p -> {
                            assertThat(p.path()).isEqualTo("children[2].birthDate");
                            assertThat(p.message()).isEqualTo("お子さん2: 生年月日が引っ越した日より後です");
                        }));
    }

    @Test
    void refusesIncompleteAnswersNamingTheQuestion() {
        Answers answers = Answers.read(tennyu, Map.of("moveInDate", "2026-04-03"));
        assertThatThrownBy(() -> LifeEventEvaluator.determine(catalog, tennyu, answers, MiniCatalog.TODAY, calendar))
                .isInstanceOfSatisfying(AnswerException.class, e -> assertThat(e.problems().get(0).path())
                        .isEqualTo("hasChildren"));
    }

    @Test
    void readsUnknownAndMalformedAnswersAsClearProblems() {
        assertThatThrownBy(() -> Answers.read(tennyu, Map.of("moveInDate", "2026-02-30", "pets", "dog",
                "insurance", "private", "hasChildren", "maybe")))
                .isInstanceOfSatisfying(AnswerException.class, e -> assertThat(e.problems())
                        .extracting(AnswerException.Problem::path)
                        .containsExactlyInAnyOrder("moveInDate", "pets", "insurance", "hasChildren"));
        assertThat(Answers.read(tennyu, Map.of("moveInDate", "令和8年4月3日")).get("moveInDate"))
                .isEqualTo(LocalDate.of(2026, 4, 3));
    }
}
