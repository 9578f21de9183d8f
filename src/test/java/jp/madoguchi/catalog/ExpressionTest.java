package jp.madoguchi.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.madoguchi.catalog.rules.Env;
import jp.madoguchi.catalog.rules.Expression;
import jp.madoguchi.catalog.rules.ExpressionException;
import jp.madoguchi.catalog.rules.Scope;
import jp.madoguchi.catalog.rules.ValueType;
import org.junit.jupiter.api.Test;

class ExpressionTest {

    static Scope scope() {
        Scope root = Scope.root();
        Scope children = root.child().define("birthDate", new Scope.Variable(ValueType.DATE, Set.of(), null));
        return root
                .define("hasChildren", new Scope.Variable(ValueType.BOOLEAN, Set.of(), null))
                .define("insurance", new Scope.Variable(ValueType.TEXT, Set.of("kokuho", "employee"), null))
                .define("pets", new Scope.Variable(ValueType.SET, Set.of("dog", "cat"), null))
                .define("people", new Scope.Variable(ValueType.NUMBER, Set.of(), null))
                .define("birth", new Scope.Variable(ValueType.DATE, Set.of(), null))
                .define("children", new Scope.Variable(ValueType.GROUP, Set.of(), children));
    }

    record TestEnv(Map<String, Object> values, LocalDate event, Set<String> applying) implements Env {
        @Override
        public Object value(String name) {
            return values.get(name);
        }

        @Override
        public LocalDate today() {
            return event;
        }

        @Override
        public boolean applies(String code) {
            return applying.contains(code);
        }
    }

    static boolean test(String source, Map<String, Object> values) {
        return Expression.condition(source, scope()).test(new TestEnv(values, LocalDate.of(2026, 4, 3), Set.of("a")));
    }

    static Object eval(String source, Map<String, Object> values) {
        return Expression.compile(source, scope()).evaluate(new TestEnv(values, LocalDate.of(2026, 4, 3), Set.of()));
    }

    @Test
    void logicRespectsPrecedenceAndParentheses() {
        Map<String, Object> v = Map.of("hasChildren", true, "insurance", "kokuho");
        assertThat(test("hasChildren and insurance = 'employee' or true", v)).isTrue();
        assertThat(test("hasChildren and (insurance = 'employee' or false)", v)).isFalse();
        assertThat(test("not hasChildren or insurance != 'employee'", v)).isTrue();
        assertThat(test("not not hasChildren", v)).isTrue();
    }

    @Test
    void unansweredIsFalseAndComparisonsWithItAreFalse() {
        assertThat(test("hasChildren", Map.of())).isFalse();
        assertThat(test("insurance = 'kokuho'", Map.of())).isFalse();
        assertThat(test("insurance != 'kokuho'", Map.of())).isFalse();
        assertThat(test("age(birth) >= 65", Map.of())).isFalse();
        assertThat(test("answered(insurance)", Map.of())).isFalse();
        assertThat(test("answered(insurance)", Map.of("insurance", "kokuho"))).isTrue();
        assertThat(eval("count(children)", Map.of())).isEqualTo(0L);
    }

    @Test
    void agesAndSchoolYearsComeFromTheKitOnTheEventDate() {
        // Event 2026-04-03. Born 1961-04-02: 65 on 2026-04-01 (the day before the birthday) → 65.
        assertThat(eval("age(birth)", Map.of("birth", LocalDate.of(1961, 4, 2)))).isEqualTo(65L);
        assertThat(eval("age(birth)", Map.of("birth", LocalDate.of(1961, 4, 5)))).isEqualTo(64L);
        assertThat(eval("ageOn(birth, date('2027-01-01'))", Map.of("birth", LocalDate.of(1961, 4, 5)))).isEqualTo(65L);
        // Born 2019-04-02 → 小学1年 in fiscal 2026; born 2019-04-01 (早生まれ) → 小学2年.
        assertThat(eval("grade(birth)", Map.of("birth", LocalDate.of(2019, 4, 2)))).isEqualTo(1L);
        assertThat(eval("grade(birth)", Map.of("birth", LocalDate.of(2019, 4, 1)))).isEqualTo(2L);
        assertThat(eval("grade(birth)", Map.of("birth", LocalDate.of(2022, 1, 1)))).isEqualTo(0L);
        assertThat(eval("ageOnApril1(birth)", Map.of("birth", LocalDate.of(2025, 4, 2)))).isEqualTo(0L);
        assertThat(eval("daysBetween(birth, event)", Map.of("birth", LocalDate.of(2026, 3, 27)))).isEqualTo(7L);
    }

    @Test
    void reachingAnAgeIsTheDayBeforeTheBirthdayAndTheUnbornHaveNoAge() {
        // Event 2026-04-03. Born 1961-04-04: 65歳到達日 is 2026-04-03 (the day before the birthday) → reached,
        // though the 満年齢 at the start of the day is still 64.
        assertThat(test("reached(birth, 65)", Map.of("birth", LocalDate.of(1961, 4, 4)))).isTrue();
        assertThat(eval("age(birth)", Map.of("birth", LocalDate.of(1961, 4, 4)))).isEqualTo(64L);
        assertThat(test("reached(birth, 65)", Map.of("birth", LocalDate.of(1961, 4, 5)))).isFalse();
        // Born after the event: no age, no grade; comparisons are false, predicates false — never an exception.
        Map<String, Object> unborn = Map.of("birth", LocalDate.of(2026, 5, 1));
        assertThat(eval("age(birth)", unborn)).isNull();
        assertThat(eval("grade(birth)", unborn)).isNull();
        assertThat(test("age(birth) < 18", unborn)).isFalse();
        assertThat(test("inSchoolYearUntilAge(birth, 18)", unborn)).isFalse();
        assertThat(test("reached(birth, 0)", unborn)).isFalse();
        assertThat(eval("ageOn(birth, date('2026-04-30'))", unborn)).isNull();
    }

    @Test
    void groupFunctionsSeeTheItemsFieldsAndTheOuterAnswers() {
        Map<String, Object> v = Map.of("insurance", "kokuho", "children", List.of(
                Map.of("birthDate", LocalDate.of(2016, 6, 10)), Map.of("birthDate", LocalDate.of(2012, 9, 1))));
        assertThat(eval("count(children)", v)).isEqualTo(2L);
        assertThat(eval("count(children, grade(birthDate) >= 7)", v)).isEqualTo(1L);
        assertThat(test("any(children, age(birthDate) < 12 and insurance = 'kokuho')", v)).isTrue();
        assertThat(test("all(children, age(birthDate) < 12)", v)).isFalse();
        assertThat(test("none(children, age(birthDate) < 3)", v)).isTrue();
        assertThat(test("all(children, true)", Map.of())).isFalse();
    }

    @Test
    void membershipArithmeticAndApplies() {
        Map<String, Object> v = Map.of("pets", List.of("dog"), "insurance", "kokuho", "people", 3L);
        assertThat(test("'dog' in pets", v)).isTrue();
        assertThat(test("'cat' in pets", v)).isFalse();
        assertThat(test("insurance in ['kokuho', 'employee']", v)).isTrue();
        assertThat(test("people - 1 >= 2 and people + 1 = 4", v)).isTrue();
        assertThat(test("applies('a') and not applies('b')", v)).isTrue();
        assertThat(Expression.condition("applies('a') or applies('c')", scope()).appliesReferences())
                .containsExactlyInAnyOrder("a", "c");
        assertThat(Expression.condition("any(children, age(birthDate) < 3) or hasChildren", scope()).names())
                .containsExactlyInAnyOrder("children", "birthDate", "hasChildren");
    }

    @Test
    void typeErrorsAndUnknownNamesAreReportedWithThePosition() {
        assertThatThrownBy(() -> Expression.condition("age(hasChildren) > 3", scope()))
                .isInstanceOfSatisfying(ExpressionException.class, e -> {
                    assertThat(e.position()).isEqualTo(5);
                    assertThat(e.getMessage()).contains("age の1番目の引数には日付が必要ですが、真偽値");
                });
        assertThatThrownBy(() -> Expression.condition("hasKids", scope()))
                .hasMessageContaining("「hasKids」という質問はありません");
        assertThatThrownBy(() -> Expression.condition("insurance = 'private'", scope()))
                .hasMessageContaining("「private」は質問「insurance」の選択肢にありません");
        assertThatThrownBy(() -> Expression.condition("'fish' in pets", scope()))
                .hasMessageContaining("「fish」");
        assertThatThrownBy(() -> Expression.condition("people + 1", scope()))
                .hasMessageContaining("条件には真偽値");
        assertThatThrownBy(() -> Expression.condition("insurance < 'kokuho'", scope()))
                .hasMessageContaining("「=」か「!=」だけ");
        assertThatThrownBy(() -> Expression.condition("birthDate > event", scope()))
                .hasMessageContaining("「birthDate」という質問はありません");
        assertThatThrownBy(() -> Expression.condition("age(birth, birth) > 1", scope()))
                .hasMessageContaining("age の引数は1個です");
        assertThatThrownBy(() -> Expression.condition("sqrt(people) > 1", scope()))
                .hasMessageContaining("「sqrt」という関数はありません");
        assertThatThrownBy(() -> Expression.condition("any(children)", scope()))
                .hasMessageContaining("any(繰り返し項目, 条件)");
    }

    @Test
    void syntaxErrorsSayWhere() {
        assertThatThrownBy(() -> Expression.condition("(hasChildren and true", scope()))
                .isInstanceOfSatisfying(ExpressionException.class, e -> {
                    assertThat(e.position()).isEqualTo(22);
                    assertThat(e.getMessage()).contains("「)」が必要です");
                });
        assertThatThrownBy(() -> Expression.condition("hasChildren and", scope()))
                .hasMessageContaining("式が途中で終わっています");
        assertThatThrownBy(() -> Expression.condition("hasChildren hasChildren", scope()))
                .hasMessageContaining("解釈できません");
        assertThatThrownBy(() -> Expression.condition("insurance = 'kokuho", scope()))
                .hasMessageContaining("文字列の終わり");
        assertThatThrownBy(() -> Expression.condition("birth > date('2026-02-30')", scope()))
                .hasMessageContaining("日付として読めません");
        assertThatThrownBy(() -> Expression.condition("   ", scope())).hasMessageContaining("式が空です");
    }
}
