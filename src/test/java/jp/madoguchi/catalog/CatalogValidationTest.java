package jp.madoguchi.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Broken catalogs are refused with every problem, each with its file, line and a Japanese reason. */
class CatalogValidationTest {

    static List<CatalogProblem> problems(String catalog, String procedures, String event, String personas) {
        return CatalogLoader.problems(MiniCatalog.files(catalog, procedures, event, personas), MiniCatalog.TODAY);
    }

    static List<CatalogProblem> problemsWithEvent(String event) {
        return problems(MiniCatalog.CATALOG, MiniCatalog.PROCEDURES, event, null);
    }

    static String form(String procedure) {
        return """
                form:
                  procedure: %s
                  title: テストの様式
                  steps:
                    - title: 届出人
                      fields:
                        - id: applicantName
                          type: text
                          label: 氏名
                          prefill: name
                          required: true
                        - id: declaration
                          type: boolean
                          label: 記入した内容に相違ありません。
                """.formatted(procedure);
    }

    static List<CatalogProblem> problemsWithForms(String procedures, String... formProcedures) {
        List<CatalogFile> files = new java.util.ArrayList<>(MiniCatalog.files(MiniCatalog.CATALOG, procedures,
                MiniCatalog.EVENT, null));
        for (String code : formProcedures) {
            files.add(new CatalogFile("forms/" + code + ".yaml", form(code)));
        }
        return CatalogLoader.problems(files, MiniCatalog.TODAY);
    }

    /** jidou-teate is applied for on this platform's portal (its online channel is /apply/jidou-teate). */
    static final String ONLINE_HERE = MiniCatalog.PROCEDURES.replace(
            "url: https://app.oss.myna.go.jp/Application/search", "url: /apply/jidou-teate");

    @Test
    void aCounterProcedureMayHaveAFormThatIsNotOfferedOnline() {
        List<CatalogFile> files = new java.util.ArrayList<>(MiniCatalog.files(MiniCatalog.CATALOG, ONLINE_HERE,
                MiniCatalog.EVENT, null));
        files.add(new CatalogFile("forms/tennyu-todoke.yaml", form("tennyu-todoke")));
        files.add(new CatalogFile("forms/jidou-teate.yaml", form("jidou-teate")));
        Catalog catalog = CatalogLoader.load(files, MiniCatalog.TODAY);
        assertThat(catalog.form("tennyu-todoke")).as("a counter form").isPresent();
        assertThat(catalog.onlineForm("tennyu-todoke")).as("not offered online").isEmpty();
        assertThat(catalog.onlineForm("jidou-teate")).isPresent();
        assertThat(catalog.onlineForms()).extracting(Form::procedure).containsExactly("jidou-teate");
    }

    @Test
    void aFormOfAProcedureNeitherOnlineHereNorAtTheCounterIsRefused() {
        // jidou-teate is online elsewhere (マイナポータル) and, here, no longer at the counter but by post only.
        String procedures = MiniCatalog.PROCEDURES.replace("""
                        completeOnline: true
                      - type: counter
                """, """
                        completeOnline: true
                      - type: post
                """);
        assertThat(problemsWithForms(procedures, "jidou-teate")).singleElement().satisfies(p -> {
            assertThat(p.location().source()).isEqualTo("forms/jidou-teate.yaml");
            assertThat(p.message()).contains("手続「jidou-teate」に申請フォームがあるのに")
                    .contains("/apply/jidou-teate").contains("窓口（channels の counter）でも受け付けていません");
        });
        assertThat(problemsWithForms(MiniCatalog.PROCEDURES, "jidou-teate")).as("with its counter channel").isEmpty();
    }

    @Test
    void aProcedureOnlineHereStillNeedsAForm() {
        assertThat(problemsWithForms(ONLINE_HERE)).singleElement().satisfies(p -> assertThat(p.message())
                .contains("手続「jidou-teate」（児童手当の認定請求）はオンラインで受け付けるのに申請フォーム（forms/jidou-teate.yaml）がありません"));
        assertThat(problemsWithForms(ONLINE_HERE, "jidou-teate")).isEmpty();
    }

    @Test
    void aFormOfAnUnknownProcedureIsRefused() {
        assertThat(problemsWithForms(MiniCatalog.PROCEDURES, "tennyu-todoke", "hikkoshi")).extracting(
                CatalogProblem::message).containsExactly("申請フォームの手続「hikkoshi」がありません");
    }

    @Test
    void theMiniCatalogIsSound() {
        assertThat(problems(MiniCatalog.CATALOG, MiniCatalog.PROCEDURES, MiniCatalog.EVENT, MiniCatalog.PERSONAS))
                .isEmpty();
    }

    @Test
    void aYamlSyntaxErrorNamesFileAndLine() {
        String broken = MiniCatalog.EVENT.replace("  - id: hasChildren\n", "  - id: hasChildren\n   bad: [\n");
        List<CatalogProblem> problems = problemsWithEvent(broken);
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.location().source()).isEqualTo("events/tennyu.yaml");
            assertThat(p.location().line()).isBetween(8, 10);
            assertThat(p.message()).startsWith("YAMLとして読めません");
        });
        assertThatThrownBy(() -> CatalogLoader.load(MiniCatalog.files(MiniCatalog.CATALOG, MiniCatalog.PROCEDURES,
                broken, null), MiniCatalog.TODAY)).isInstanceOf(CatalogException.class)
                .hasMessageContaining("events/tennyu.yaml");
    }

    @Test
    void unknownKeysAndBadValuesAreReportedOnTheirLine() {
        String procedures = MiniCatalog.PROCEDURES.replace("    counterMinutes: 20\n", "    counterMinute: 20\n")
                .replace("        completeOnline: true\n", "        completeOnline: yes\n")
                .replace("    deadline:\n      days: 14\n", "    deadline:\n      days: -3\n");
        List<CatalogProblem> problems = problems(MiniCatalog.CATALOG, procedures, MiniCatalog.EVENT, null);
        assertThat(problems).extracting(CatalogProblem::describe).anySatisfy(d -> assertThat(d)
                        .startsWith("procedures/main.yaml 16行目").contains("「counterMinute」という項目はありません"))
                .anySatisfy(d -> assertThat(d).contains("「completeOnline」は true か false"))
                .anySatisfy(d -> assertThat(d).contains("「days」は1〜3650の整数"));
    }

    @Test
    void anExpressionErrorNamesTheLineAndThePositionInTheExpression() {
        String event = MiniCatalog.EVENT.replace("when: insurance = 'kokuho'", "when: insurance = 'kokuhoo'");
        assertThat(problemsWithEvent(event)).singleElement().satisfies(p -> {
            assertThat(p.location().line()).isEqualTo(43);
            assertThat(p.message()).contains("「kokuhoo」は質問「insurance」の選択肢にありません").contains("13文字目");
        });
    }

    @Test
    void anAskIfMayOnlyUseEarlierQuestions() {
        String event = MiniCatalog.EVENT.replace("    askIf: hasChildren\n", "    askIf: insurance = 'kokuho'\n");
        assertThat(problemsWithEvent(event)).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("「insurance」という質問はありません"));
    }

    @Test
    void danglingReferencesAreReported() {
        String event = MiniCatalog.EVENT.replace("  - procedure: kokuho\n", "  - procedure: kokuho-kanyu\n");
        String procedures = MiniCatalog.PROCEDURES.replace("department: kodomo", "department: kosodate");
        List<CatalogProblem> problems = problems(MiniCatalog.CATALOG, procedures, event, null);
        assertThat(problems).extracting(CatalogProblem::message)
                .anySatisfy(m -> assertThat(m).contains("ルールの手続「kokuho-kanyu」がありません"))
                .anySatisfy(m -> assertThat(m).contains("担当課「kosodate」が catalog.yaml の departments にありません"))
                .anySatisfy(m -> assertThat(m).contains("手続「kokuho」（国民健康保険の加入）はどのライフイベントのルールにも使われていません"));
    }

    @Test
    void aQuestionNoRuleUsesIsReported() {
        String event = MiniCatalog.EVENT.replace("rules:\n", """
                  - id: pets
                    type: boolean
                    text: ペットはいますか
                rules:
                """);
        assertThat(problemsWithEvent(event)).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("質問「pets」の回答はどのルールにも askIf にも使われていません"));
    }

    @Test
    void aQuestionNeverAskedAndARuleThatNeverFiresAreFoundByTheSearch() {
        String event = MiniCatalog.EVENT
                .replace("    askIf: hasChildren\n", "    askIf: hasChildren and not hasChildren\n")
                .replace("when: insurance = 'kokuho'", "when: insurance = 'kokuho' and insurance = 'employee'");
        List<CatalogProblem> problems = problemsWithEvent(event);
        assertThat(problems).extracting(CatalogProblem::message)
                .anySatisfy(m -> assertThat(m).contains("質問「children」は").contains("いちども聞かれませんでした"))
                .anySatisfy(m -> assertThat(m).contains("手続「kokuho」のこのルールは").contains("いちども適用されませんでした"));
    }

    @Test
    void appliesCyclesAreRefused() {
        String event = MiniCatalog.EVENT
                .replace("when: insurance = 'kokuho'", "when: applies('tengaku')")
                .replace("when: any(children, grade(birthDate) >= 1 and grade(birthDate) <= 9)",
                        "when: applies('kokuho') or any(children, grade(birthDate) >= 1)");
        assertThat(problemsWithEvent(event)).extracting(CatalogProblem::message)
                .anySatisfy(m -> assertThat(m).contains("applies が循環しています"));
    }

    @Test
    void aPersonaWithAnUnknownAnswerOrProcedureIsReported() {
        String personas = MiniCatalog.PERSONAS.replace("  insurance: employee", "  insurance: employee\n      pets: dog")
                .replace("tengaku: none", "tengaku: none\n      kokuho-kanyu: none");
        List<CatalogProblem> problems = problems(MiniCatalog.CATALOG, MiniCatalog.PROCEDURES, MiniCatalog.EVENT,
                personas);
        assertThat(problems).extracting(CatalogProblem::message)
                .anySatisfy(m -> assertThat(m).contains("「pets」という質問は「引っ越してきた」にありません"));
    }

    @Test
    void aBrokenFileOnTheClasspathIsRefusedWithFileLineAndReason() {
        // What DefaultCatalog does at start-up: the platform does not start on a broken catalog.
        assertThatThrownBy(() -> CatalogLoader.load(CatalogLoader.classpathFiles("catalog/broken"), MiniCatalog.TODAY))
                .isInstanceOfSatisfying(CatalogException.class, e -> assertThat(e.problems()).singleElement()
                        .satisfies(p -> {
                            assertThat(p.location().source()).isEqualTo("events/tennyu.yaml");
                            // SnakeYAML marks the mapping the bad indentation breaks (line 9) or the line itself.
                            assertThat(p.location().line()).isBetween(9, 10);
                            assertThat(p.message()).startsWith("YAMLとして読めません");
                        }))
                .hasMessageContaining("events/tennyu.yaml ");
    }

    @Test
    void aMissingCatalogFileIsReported() {
        List<CatalogFile> files = MiniCatalog.files().stream().filter(f -> !f.path().equals("catalog.yaml")).toList();
        assertThat(CatalogLoader.problems(files, MiniCatalog.TODAY)).extracting(CatalogProblem::message)
                .contains("catalog.yaml がありません");
    }
}
