package jp.madoguchi.catalog.internal;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jp.madoguchi.catalog.AnswerException;
import jp.madoguchi.catalog.Answers;
import jp.madoguchi.catalog.ApplicantType;
import jp.madoguchi.catalog.Catalog;
import jp.madoguchi.catalog.CatalogFile;
import jp.madoguchi.catalog.CatalogProblem;
import jp.madoguchi.catalog.ChannelType;
import jp.madoguchi.catalog.DeadlineRule;
import jp.madoguchi.catalog.Department;
import jp.madoguchi.catalog.Fee;
import jp.madoguchi.catalog.FieldType;
import jp.madoguchi.catalog.FormField;
import jp.madoguchi.catalog.FormStep;
import jp.madoguchi.catalog.LifeEvent;
import jp.madoguchi.catalog.Persona;
import jp.madoguchi.catalog.Prefill;
import jp.madoguchi.catalog.Procedure;
import jp.madoguchi.catalog.ProcedureChannel;
import jp.madoguchi.catalog.Question;
import jp.madoguchi.catalog.QuestionType;
import jp.madoguchi.catalog.Rule;
import jp.madoguchi.catalog.SourceLocation;
import jp.madoguchi.catalog.rules.Expression;
import jp.madoguchi.catalog.rules.ExpressionException;
import jp.madoguchi.catalog.rules.Scope;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads catalog files (docs/catalog.md) into a {@link Catalog}: YAML syntax, the shape of every entry, and every
 * expression parsed and type-checked in its scope. Collects all problems with file and line rather than stopping at
 * the first. Cross-references and the search for dead rules are {@link CatalogValidator}'s job.
 */
public final class CatalogReader {

    private static final Set<String> CATALOG_KEYS = Set.of("name", "version", "departments");
    private static final Set<String> DEPARTMENT_KEYS = Set.of("code", "name", "place", "phone", "external");
    private static final Set<String> PROCEDURE_KEYS = Set.of("code", "name", "summary", "legalBasis", "department",
            "applicants", "bring", "fee", "deadline", "channels", "counterMinutes", "reservationService", "automatic",
            "effective", "tags");
    private static final Set<String> DEADLINE_KEYS = Set.of("days", "from", "count", "extendToOfficeDay", "note");
    private static final Set<String> CHANNEL_KEYS = Set.of("type", "url", "completeOnline", "note");
    private static final Set<String> EVENT_KEYS = Set.of("code", "name", "summary", "order", "eventDate",
            "questions", "rules");
    private static final Set<String> QUESTION_KEYS = Set.of("id", "type", "text", "help", "askIf", "checks",
            "options", "min", "max", "itemLabel", "fields");
    private static final Set<String> RULE_KEYS = Set.of("procedure", "when", "reason");
    private static final Set<String> PERSONA_KEYS = Set.of("name", "event", "answers", "expect");
    private static final Set<String> FORM_KEYS = Set.of("procedure", "title", "summary", "signature",
            "processingDays", "steps");
    private static final Set<String> STEP_KEYS = Set.of("title", "help", "fields");
    private static final Set<String> FIELD_KEYS = Set.of("id", "type", "label", "help", "required", "when", "checks",
            "options", "min", "max", "maxLength", "pattern", "patternMessage", "prefill", "itemLabel", "fields",
            "accept");
    private static final Set<String> ATTACHMENT_KINDS = Set.of("pdf", "png", "jpeg");
    private static final String CODE = "[a-z0-9][a-z0-9-]*";
    private static final String ID = "[A-Za-z][A-Za-z0-9_]*";

    private final List<CatalogProblem> problems = new ArrayList<>();

    private CatalogReader() {
    }

    /** The result of reading: the catalog as far as it could be read, and the problems found. */
    public record Reading(Catalog catalog, List<CatalogProblem> problems) {
    }

    public static Reading read(List<CatalogFile> files) {
        return new CatalogReader().readAll(files);
    }

    private Reading readAll(List<CatalogFile> files) {
        String name = null;
        String version = null;
        Map<String, Department> departments = new LinkedHashMap<>();
        Map<String, Procedure> procedures = new LinkedHashMap<>();
        Map<String, LifeEvent> events = new LinkedHashMap<>();
        List<YamlNode> personaNodes = new ArrayList<>();
        Map<String, jp.madoguchi.catalog.Form> forms = new LinkedHashMap<>();
        boolean sawCatalog = false;
        for (CatalogFile file : files.stream().sorted(java.util.Comparator.comparing(CatalogFile::path)).toList()) {
            YamlNode root = parse(file);
            if (root == null) {
                continue;
            }
            String path = file.path();
            if (path.equals("catalog.yaml")) {
                sawCatalog = true;
                Map<String, YamlNode> m = root.entries("catalog.yaml", CATALOG_KEYS);
                name = YamlNode.text(m, "name", "catalog.yaml", true, root);
                version = YamlNode.text(m, "version", "catalog.yaml", true, root);
                if (m.containsKey("departments")) {
                    for (YamlNode d : m.get("departments").items("departments")) {
                        Department dep = department(d);
                        if (dep != null && departments.putIfAbsent(dep.code(), dep) != null) {
                            d.problem("担当課コード「" + dep.code() + "」が重複しています");
                        }
                    }
                }
            } else if (path.startsWith("procedures/")) {
                Map<String, YamlNode> m = root.entries(path, Set.of("procedures"));
                if (!m.containsKey("procedures")) {
                    root.problem("「procedures:」の下に手続を並べてください");
                    continue;
                }
                for (YamlNode p : m.get("procedures").items("procedures")) {
                    Procedure proc = procedure(p);
                    if (proc != null) {
                        Procedure before = procedures.putIfAbsent(proc.code(), proc);
                        if (before != null) {
                            p.problem("手続コード「" + proc.code() + "」は " + before.location().describe() + " にもあります");
                        }
                    }
                }
            } else if (path.startsWith("events/")) {
                LifeEvent e = event(root);
                if (e != null) {
                    LifeEvent before = events.putIfAbsent(e.code(), e);
                    if (before != null) {
                        root.problem("ライフイベント「" + e.code() + "」は " + before.location().describe() + " にもあります");
                    }
                }
            } else if (path.startsWith("forms/")) {
                Map<String, YamlNode> m = root.entries(path, Set.of("form"));
                if (!m.containsKey("form")) {
                    root.problem("「form:」の下に申請フォームを書いてください");
                    continue;
                }
                jp.madoguchi.catalog.Form form = form(m.get("form"));
                if (form != null) {
                    jp.madoguchi.catalog.Form before = forms.putIfAbsent(form.procedure(), form);
                    if (before != null) {
                        root.problem("手続「" + form.procedure() + "」の申請フォームは " + before.location().describe()
                                + " にもあります");
                    }
                }
            } else {
                Map<String, YamlNode> m = root.entries(path, Set.of("personas"));
                if (!m.containsKey("personas")) {
                    root.problem("「personas:」の下にペルソナを並べてください");
                    continue;
                }
                personaNodes.addAll(m.get("personas").items("personas"));
            }
        }
        if (!sawCatalog) {
            problems.add(new CatalogProblem(new SourceLocation("catalog.yaml", 0), "catalog.yaml がありません"));
        }
        List<Persona> personas = new ArrayList<>();
        for (YamlNode p : personaNodes) {
            Persona persona = persona(p, events);
            if (persona != null) {
                personas.add(persona);
            }
        }
        Catalog catalog = new Catalog(name, version, departments, procedures, events, personas, forms);
        return new Reading(catalog, List.copyOf(problems));
    }

    private YamlNode parse(CatalogFile file) {
        try {
            Node node = new Yaml(new SafeConstructor(new LoaderOptions())).compose(new StringReader(file.text()));
            if (node == null) {
                problems.add(new CatalogProblem(new SourceLocation(file.path(), 1), "ファイルが空です"));
                return null;
            }
            return new YamlNode(file.path(), node, problems);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() != null ? e.getProblemMark().getLine() + 1 : 0;
            problems.add(new CatalogProblem(new SourceLocation(file.path(), line),
                    "YAMLとして読めません（" + e.getProblem() + "）"));
            return null;
        } catch (YAMLException e) {
            problems.add(new CatalogProblem(new SourceLocation(file.path(), 0), "YAMLとして読めません（" + e.getMessage() + "）"));
            return null;
        }
    }

    private String code(Map<String, YamlNode> m, String key, String what, YamlNode owner, String pattern) {
        String code = YamlNode.text(m, key, what, true, owner);
        if (code != null && !code.matches(pattern)) {
            m.get(key).problem(what + "の「" + key + "」に使えない文字があります（" + code + "）: "
                    + (pattern.equals(CODE) ? "半角英小文字・数字・ハイフン" : "半角英字で始まる英数字"));
            return null;
        }
        return code;
    }

    private Department department(YamlNode n) {
        Map<String, YamlNode> m = n.entries("担当課", DEPARTMENT_KEYS);
        String code = code(m, "code", "担当課", n, CODE);
        String name = YamlNode.text(m, "name", "担当課", true, n);
        String place = YamlNode.text(m, "place", "担当課", false, n);
        String phone = YamlNode.text(m, "phone", "担当課", false, n);
        boolean external = YamlNode.bool(m, "external", "担当課", false);
        return code == null || name == null ? null : new Department(code, name, place, phone, external, n.location());
    }

    private Procedure procedure(YamlNode n) {
        Map<String, YamlNode> m = n.entries("手続", PROCEDURE_KEYS);
        String code = code(m, "code", "手続", n, CODE);
        String what = code == null ? "手続" : "手続「" + code + "」";
        String name = YamlNode.text(m, "name", what, true, n);
        String summary = YamlNode.text(m, "summary", what, true, n);
        String legalBasis = YamlNode.text(m, "legalBasis", what, false, n);
        String department = YamlNode.text(m, "department", what, true, n);
        List<ApplicantType> applicants = new ArrayList<>();
        for (String a : YamlNode.texts(m, "applicants", what)) {
            try {
                applicants.add(ApplicantType.ofKey(a));
            } catch (IllegalArgumentException e) {
                m.get("applicants").problem(what + "の申請者「" + a + "」は self, household, agent のいずれかにしてください");
            }
        }
        if (applicants.isEmpty()) {
            applicants.add(ApplicantType.SELF);
        }
        List<String> bringAll = new ArrayList<>();
        Map<ApplicantType, List<String>> bring = new EnumMap<>(ApplicantType.class);
        if (m.containsKey("bring")) {
            Map<String, YamlNode> b = m.get("bring").entries(what + "の持ち物", Set.of("all", "self", "household", "agent"));
            bringAll.addAll(YamlNode.texts(b, "all", what + "の持ち物"));
            for (ApplicantType t : ApplicantType.values()) {
                List<String> items = YamlNode.texts(b, t.key(), what + "の持ち物");
                if (!items.isEmpty()) {
                    if (!applicants.contains(t)) {
                        b.get(t.key()).problem(what + "の申請者に「" + t.key() + "」がないのに持ち物があります");
                    }
                    bring.put(t, List.copyOf(items));
                }
            }
        }
        Fee fee = Fee.FREE;
        if (m.containsKey("fee")) {
            YamlNode f = m.get("fee");
            if (f.isScalar()) {
                Integer yen = YamlNode.integer(m, "fee", what, 0, 1_000_000);
                fee = new Fee(yen == null ? 0 : yen, null);
            } else {
                Map<String, YamlNode> fm = f.entries(what + "の手数料", Set.of("yen", "note"));
                Integer yen = YamlNode.integer(fm, "yen", what + "の手数料", 0, 1_000_000);
                fee = new Fee(yen == null ? 0 : yen, YamlNode.text(fm, "note", what + "の手数料", false, f));
            }
        }
        DeadlineRule deadline = m.containsKey("deadline") ? deadline(m.get("deadline"), what) : null;
        List<ProcedureChannel> channels = new ArrayList<>();
        if (m.containsKey("channels")) {
            for (YamlNode c : m.get("channels").items(what + "の channels")) {
                Map<String, YamlNode> cm = c.entries(what + "の受付方法", CHANNEL_KEYS);
                String type = YamlNode.text(cm, "type", what + "の受付方法", true, c);
                ChannelType channelType;
                try {
                    channelType = type == null ? null : ChannelType.ofKey(type);
                } catch (IllegalArgumentException e) {
                    cm.get("type").problem(what + "の受付方法「" + type + "」は online, counter, kiosk, post のいずれかにしてください");
                    channelType = null;
                }
                String url = YamlNode.text(cm, "url", what + "の受付方法", false, c);
                if (url != null && !url.matches("(https://\\S+|/\\S*)")) {
                    cm.get("url").problem(what + "のURLは https:// で始まるか、/ で始まるこのサイトのパスにしてください");
                }
                boolean complete = YamlNode.bool(cm, "completeOnline", what + "の受付方法", false);
                if (complete && channelType != ChannelType.ONLINE) {
                    c.problem(what + "の completeOnline は online の受付方法にだけ書けます");
                }
                if (channelType == ChannelType.ONLINE && url == null) {
                    c.problem(what + "のオンライン受付には url が必要です");
                }
                if (channelType != null) {
                    channels.add(new ProcedureChannel(channelType, url, complete,
                            YamlNode.text(cm, "note", what + "の受付方法", false, c)));
                }
            }
        }
        boolean automatic = YamlNode.bool(m, "automatic", what, false);
        if (channels.isEmpty() && !automatic) {
            n.problem(what + "に受付方法（channels）がありません（手続不要なら automatic: true）");
        }
        Integer minutes = YamlNode.integer(m, "counterMinutes", what, 0, 480);
        LocalDate from = null;
        LocalDate to = null;
        if (m.containsKey("effective")) {
            Map<String, YamlNode> em = m.get("effective").entries(what + "の有効期間", Set.of("from", "to"));
            from = YamlNode.date(em, "from", what + "の有効期間");
            to = YamlNode.date(em, "to", what + "の有効期間");
            if (from != null && to != null && to.isBefore(from)) {
                m.get("effective").problem(what + "の有効期間の終わり（" + to + "）が始まり（" + from + "）より前です");
            }
        }
        String reservation = YamlNode.text(m, "reservationService", what, false, n);
        List<String> tags = YamlNode.texts(m, "tags", what);
        if (code == null || name == null || summary == null || department == null) {
            return null;
        }
        return new Procedure(code, name, summary, legalBasis, department, List.copyOf(applicants),
                List.copyOf(bringAll), bring, fee, deadline, List.copyOf(channels), minutes == null ? 0 : minutes,
                reservation, automatic, from, to, List.copyOf(tags), n.location());
    }

    private DeadlineRule deadline(YamlNode n, String what) {
        Map<String, YamlNode> m = n.entries(what + "の期限", DEADLINE_KEYS);
        Integer days = YamlNode.integer(m, "days", what + "の期限", 1, 3650);
        String from = YamlNode.text(m, "from", what + "の期限", false, n);
        String count = YamlNode.text(m, "count", what + "の期限", false, n);
        boolean countingEventDay = false;
        if (count != null) {
            if (count.equals("includingEvent")) {
                countingEventDay = true;
            } else if (!count.equals("afterEvent")) {
                m.get("count").problem(what + "の期限の count は afterEvent か includingEvent にしてください");
            }
        }
        boolean extend = YamlNode.bool(m, "extendToOfficeDay", what + "の期限", true);
        String note = YamlNode.text(m, "note", what + "の期限", true, n);
        if (days == null && (from != null || count != null)) {
            n.problem(what + "の期限に days がないのに from / count があります");
        }
        return new DeadlineRule(days, from == null ? DeadlineRule.FROM_EVENT : from, countingEventDay, extend, note);
    }

    private LifeEvent event(YamlNode n) {
        Map<String, YamlNode> m = n.entries("ライフイベント", EVENT_KEYS);
        String code = code(m, "code", "ライフイベント", n, CODE);
        String what = code == null ? "ライフイベント" : "ライフイベント「" + code + "」";
        String name = YamlNode.text(m, "name", what, true, n);
        String summary = YamlNode.text(m, "summary", what, false, n);
        Integer order = YamlNode.integer(m, "order", what, 0, 100_000);
        String eventDate = YamlNode.text(m, "eventDate", what, true, n);
        Scope scope = Scope.root();
        List<Question> questions = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        if (m.containsKey("questions")) {
            for (YamlNode q : m.get("questions").items(what + "の questions")) {
                Question question = question(q, what, scope, true);
                if (question != null) {
                    if (!ids.add(question.id()) || question.id().equals("event") || question.id().equals("today")) {
                        q.problem(what + "の質問「" + question.id() + "」の id が重複しているか、使えない名前です");
                        continue;
                    }
                    questions.add(question);
                    scope.define(question.id(), variable(question, scope));
                }
            }
        } else {
            n.problem(what + "に質問（questions）がありません");
        }
        if (eventDate != null) {
            Optional<Question> dateQuestion = questions.stream().filter(q -> q.id().equals(eventDate)).findFirst();
            if (dateQuestion.isEmpty() || dateQuestion.get().type() != QuestionType.DATE) {
                m.get("eventDate").problem(what + "の eventDate「" + eventDate + "」は日付の質問の id にしてください");
            } else if (dateQuestion.get().askIf() != null) {
                m.get("eventDate").problem(what + "の eventDate の質問は常に聞く質問にしてください（askIf は使えません）");
            }
        }
        List<Rule> rules = new ArrayList<>();
        if (m.containsKey("rules")) {
            int index = 0;
            for (YamlNode r : m.get("rules").items(what + "の rules")) {
                index++;
                Map<String, YamlNode> rm = r.entries(what + "のルール", RULE_KEYS);
                String procedure = YamlNode.text(rm, "procedure", what + "のルール", true, r);
                String reason = YamlNode.text(rm, "reason", what + "のルール", true, r);
                Expression when = expression(rm, "when", what + "のルール", r, scope, true);
                if (procedure != null && reason != null && when != null) {
                    rules.add(new Rule(code + "#" + index, procedure, when, reason, r.location()));
                }
            }
        } else {
            n.problem(what + "にルール（rules）がありません");
        }
        if (code == null || name == null || eventDate == null) {
            return null;
        }
        return new LifeEvent(code, name, summary, order == null ? 1000 : order, eventDate, List.copyOf(questions),
                List.copyOf(rules), n.location());
    }

    private static Scope.Variable variable(Question q, Scope enclosing) {
        Set<String> options = new LinkedHashSet<>();
        q.options().forEach(o -> options.add(o.value()));
        Scope fields = null;
        if (q.type() == QuestionType.GROUP) {
            fields = enclosing.child();
            for (Question f : q.fields()) {
                fields.define(f.id(), variable(f, fields));
            }
        }
        return new Scope.Variable(q.type().valueType(), options, fields);
    }

    private Question question(YamlNode n, String what, Scope scope, boolean topLevel) {
        Map<String, YamlNode> m = n.entries(what + "の質問", QUESTION_KEYS);
        String id = code(m, "id", what + "の質問", n, ID);
        String qWhat = id == null ? what + "の質問" : what + "の質問「" + id + "」";
        String typeKey = YamlNode.text(m, "type", qWhat, true, n);
        QuestionType type = null;
        try {
            type = typeKey == null ? null : QuestionType.ofKey(typeKey);
        } catch (IllegalArgumentException e) {
            m.get("type").problem(qWhat + "の type「" + typeKey + "」は boolean, date, choice, multi, number, group のいずれかにしてください");
        }
        if (type == QuestionType.GROUP && !topLevel) {
            m.get("type").problem(qWhat + ": 繰り返し項目の中に繰り返し項目は書けません");
            type = null;
        }
        String text = YamlNode.text(m, "text", qWhat, true, n);
        String help = YamlNode.text(m, "help", qWhat, false, n);
        Expression askIf = topLevel ? expression(m, "askIf", qWhat, n, scope, false) : null;
        if (!topLevel && m.containsKey("askIf")) {
            m.get("askIf").problem(qWhat + ": 繰り返し項目の中の項目には askIf を書けません");
        }
        List<Question.Option> options = new ArrayList<>();
        if (m.containsKey("options")) {
            Set<String> values = new LinkedHashSet<>();
            for (YamlNode o : m.get("options").items(qWhat + "の options")) {
                Map<String, YamlNode> om = o.entries(qWhat + "の選択肢", Set.of("value", "label"));
                String value = code(om, "value", qWhat + "の選択肢", o, "[A-Za-z0-9][A-Za-z0-9_-]*");
                String label = YamlNode.text(om, "label", qWhat + "の選択肢", true, o);
                if (value != null && !values.add(value)) {
                    o.problem(qWhat + "の選択肢「" + value + "」が重複しています");
                } else if (value != null && label != null) {
                    options.add(new Question.Option(value, label));
                }
            }
        }
        if ((type == QuestionType.CHOICE || type == QuestionType.MULTI) && options.size() < 2) {
            n.problem(qWhat + "には選択肢（options）が2つ以上必要です");
        }
        if (type != null && type != QuestionType.CHOICE && type != QuestionType.MULTI && m.containsKey("options")) {
            m.get("options").problem(qWhat + ": options は choice と multi の質問にだけ書けます");
        }
        Integer min = YamlNode.integer(m, "min", qWhat, 0, 1_000_000);
        Integer max = YamlNode.integer(m, "max", qWhat, 0, 1_000_000);
        if (min != null && max != null && max < min) {
            m.get("max").problem(qWhat + "の max（" + max + "）が min（" + min + "）より小さくなっています");
        }
        String itemLabel = YamlNode.text(m, "itemLabel", qWhat, false, n);
        List<Question> fields = new ArrayList<>();
        if (type == QuestionType.GROUP) {
            if (!m.containsKey("fields")) {
                n.problem(qWhat + "には項目（fields）が必要です");
            } else {
                Scope fieldScope = scope.child();
                Set<String> fieldIds = new LinkedHashSet<>();
                for (YamlNode f : m.get("fields").items(qWhat + "の fields")) {
                    Question field = question(f, qWhat, fieldScope, false);
                    if (field != null) {
                        if (!fieldIds.add(field.id())) {
                            f.problem(qWhat + "の項目「" + field.id() + "」が重複しています");
                            continue;
                        }
                        fields.add(field);
                        fieldScope.define(field.id(), variable(field, fieldScope));
                    }
                }
            }
        } else if (m.containsKey("fields")) {
            m.get("fields").problem(qWhat + ": fields は group の質問にだけ書けます");
        }
        if (id == null || type == null || text == null) {
            return null;
        }
        Question withoutChecks = new Question(id, type, text, help, askIf, List.of(), List.copyOf(options), min, max,
                itemLabel, List.copyOf(fields), n.location());
        List<Question.Check> checks = new ArrayList<>();
        if (m.containsKey("checks")) {
            Scope own = scope.child();
            own.define(id, variable(withoutChecks, own));
            for (YamlNode c : m.get("checks").items(qWhat + "の checks")) {
                Map<String, YamlNode> cm = c.entries(qWhat + "のチェック", Set.of("when", "message"));
                Expression when = expression(cm, "when", qWhat + "のチェック", c, own, true);
                String message = YamlNode.text(cm, "message", qWhat + "のチェック", true, c);
                if (when != null && message != null) {
                    checks.add(new Question.Check(when, message, c.location()));
                }
            }
        }
        return new Question(id, type, text, help, askIf, List.copyOf(checks), List.copyOf(options), min, max,
                itemLabel, List.copyOf(fields), n.location());
    }

    private Expression expression(Map<String, YamlNode> m, String key, String what, YamlNode owner, Scope scope,
            boolean required) {
        YamlNode n = m.get(key);
        if (n == null) {
            if (required) {
                owner.problem(what + "に「" + key + "」がありません");
            }
            return null;
        }
        String source = n.scalar();
        if (source == null) {
            n.problem(what + "の「" + key + "」は式（文字列）にしてください");
            return null;
        }
        try {
            return Expression.condition(source, scope);
        } catch (ExpressionException e) {
            n.problem(what + "の「" + key + "」: " + e.describe(source));
            return null;
        }
    }

    private jp.madoguchi.catalog.Form form(YamlNode n) {
        Map<String, YamlNode> m = n.entries("申請フォーム", FORM_KEYS);
        String procedure = code(m, "procedure", "申請フォーム", n, CODE);
        String what = procedure == null ? "申請フォーム" : "申請フォーム「" + procedure + "」";
        String title = YamlNode.text(m, "title", what, true, n);
        String summary = YamlNode.text(m, "summary", what, false, n);
        String signature = YamlNode.text(m, "signature", what, false, n);
        boolean signatureRequired = false;
        if (signature != null) {
            if (signature.equals("required")) {
                signatureRequired = true;
            } else if (!signature.equals("none")) {
                m.get("signature").problem(what + "の signature は required か none にしてください（" + signature + "）");
            }
        }
        Integer processingDays = YamlNode.integer(m, "processingDays", what, 1, 365);
        Scope scope = Scope.root();
        Set<String> ids = new LinkedHashSet<>();
        List<FormStep> steps = new ArrayList<>();
        if (!m.containsKey("steps")) {
            n.problem(what + "に入力ステップ（steps）がありません");
        } else {
            for (YamlNode st : m.get("steps").items(what + "の steps")) {
                Map<String, YamlNode> sm = st.entries(what + "のステップ", STEP_KEYS);
                String stepTitle = YamlNode.text(sm, "title", what + "のステップ", true, st);
                String stepWhat = what + "のステップ「" + (stepTitle == null ? "?" : stepTitle) + "」";
                List<FormField> fields = new ArrayList<>();
                if (!sm.containsKey("fields")) {
                    st.problem(stepWhat + "に項目（fields）がありません");
                } else {
                    for (YamlNode f : sm.get("fields").items(stepWhat + "の fields")) {
                        FormField field = field(f, what, scope, true);
                        if (field == null) {
                            continue;
                        }
                        if (!ids.add(field.id()) || field.id().equals("event") || field.id().equals("today")) {
                            f.problem(what + "の項目「" + field.id() + "」の id が重複しているか、使えない名前です");
                            continue;
                        }
                        fields.add(field);
                        scope.define(field.id(), variable(field, scope));
                    }
                }
                if (stepTitle != null) {
                    steps.add(new FormStep(stepTitle, YamlNode.text(sm, "help", stepWhat, false, st), List.copyOf(fields)));
                }
            }
        }
        if (procedure == null || title == null) {
            return null;
        }
        return new jp.madoguchi.catalog.Form(procedure, title, summary, signatureRequired, processingDays,
                List.copyOf(steps), n.location());
    }

    private static Scope.Variable variable(FormField f, Scope enclosing) {
        Set<String> options = new LinkedHashSet<>();
        f.options().forEach(o -> options.add(o.value()));
        Scope fields = null;
        if (f.type() == FieldType.GROUP) {
            fields = enclosing.child();
            for (FormField inner : f.fields()) {
                fields.define(inner.id(), variable(inner, fields));
            }
        }
        return new Scope.Variable(f.type().valueType(), options, fields);
    }

    private FormField field(YamlNode n, String what, Scope scope, boolean topLevel) {
        Map<String, YamlNode> m = n.entries(what + "の項目", FIELD_KEYS);
        String id = code(m, "id", what + "の項目", n, ID);
        String fWhat = id == null ? what + "の項目" : what + "の項目「" + id + "」";
        String typeKey = YamlNode.text(m, "type", fWhat, true, n);
        FieldType type = null;
        try {
            type = typeKey == null ? null : FieldType.ofKey(typeKey);
        } catch (IllegalArgumentException e) {
            m.get("type").problem(fWhat + "の type「" + typeKey + "」は " + java.util.Arrays.stream(FieldType.values())
                    .map(FieldType::key).collect(java.util.stream.Collectors.joining(", ")) + " のいずれかにしてください");
        }
        if ((type == FieldType.GROUP || type == FieldType.ATTACHMENT) && !topLevel) {
            m.get("type").problem(fWhat + ": 繰り返し項目の中に" + (type == FieldType.GROUP ? "繰り返し項目" : "添付ファイル")
                    + "は書けません（添付ファイルは繰り返し項目の外に、必要な数だけ書いてください）");
            type = null;
        }
        String label = YamlNode.text(m, "label", fWhat, true, n);
        String help = YamlNode.text(m, "help", fWhat, false, n);
        boolean required = YamlNode.bool(m, "required", fWhat, false);
        Expression when = expression(m, "when", fWhat, n, scope, false);
        List<Question.Option> options = new ArrayList<>();
        if (m.containsKey("options")) {
            Set<String> values = new LinkedHashSet<>();
            for (YamlNode o : m.get("options").items(fWhat + "の options")) {
                Map<String, YamlNode> om = o.entries(fWhat + "の選択肢", Set.of("value", "label"));
                String value = code(om, "value", fWhat + "の選択肢", o, "[A-Za-z0-9][A-Za-z0-9_-]*");
                String optionLabel = YamlNode.text(om, "label", fWhat + "の選択肢", true, o);
                if (value != null && !values.add(value)) {
                    o.problem(fWhat + "の選択肢「" + value + "」が重複しています");
                } else if (value != null && optionLabel != null) {
                    options.add(new Question.Option(value, optionLabel));
                }
            }
        }
        if ((type == FieldType.CHOICE || type == FieldType.MULTI) && options.size() < 2) {
            n.problem(fWhat + "には選択肢（options）が2つ以上必要です");
        }
        if (type != null && type != FieldType.CHOICE && type != FieldType.MULTI && m.containsKey("options")) {
            m.get("options").problem(fWhat + ": options は choice と multi の項目にだけ書けます");
        }
        Integer min = YamlNode.integer(m, "min", fWhat, 0, 1_000_000_000);
        Integer max = YamlNode.integer(m, "max", fWhat, 0, 1_000_000_000);
        if (min != null && max != null && max < min) {
            m.get("max").problem(fWhat + "の max（" + max + "）が min（" + min + "）より小さくなっています");
        }
        Integer maxLength = YamlNode.integer(m, "maxLength", fWhat, 1, 10_000);
        String pattern = YamlNode.text(m, "pattern", fWhat, false, n);
        if (pattern != null) {
            try {
                java.util.regex.Pattern.compile(pattern);
            } catch (java.util.regex.PatternSyntaxException e) {
                m.get("pattern").problem(fWhat + "の pattern が正規表現として読めません（" + e.getDescription() + "）");
                pattern = null;
            }
        }
        String patternMessage = YamlNode.text(m, "patternMessage", fWhat, pattern != null, n);
        Prefill prefill = null;
        String prefillKey = YamlNode.text(m, "prefill", fWhat, false, n);
        if (prefillKey != null) {
            try {
                prefill = Prefill.ofKey(prefillKey);
            } catch (IllegalArgumentException e) {
                m.get("prefill").problem(fWhat + "の prefill「" + prefillKey + "」は name, kana, birthdate, sex, address, email のいずれかにしてください");
            }
        }
        List<String> accept = YamlNode.texts(m, "accept", fWhat);
        for (String kind : accept) {
            if (!ATTACHMENT_KINDS.contains(kind)) {
                m.get("accept").problem(fWhat + "の accept「" + kind + "」は pdf, png, jpeg のいずれかにしてください");
            }
        }
        if (type != null && type != FieldType.ATTACHMENT && m.containsKey("accept")) {
            m.get("accept").problem(fWhat + ": accept は attachment の項目にだけ書けます");
        }
        if (type == FieldType.ATTACHMENT && accept.isEmpty()) {
            accept = List.copyOf(ATTACHMENT_KINDS.stream().sorted().toList());
        }
        String itemLabel = YamlNode.text(m, "itemLabel", fWhat, false, n);
        List<FormField> fields = new ArrayList<>();
        Scope fieldScope = scope.child();
        if (type == FieldType.GROUP) {
            if (!m.containsKey("fields")) {
                n.problem(fWhat + "には項目（fields）が必要です");
            } else {
                Set<String> fieldIds = new LinkedHashSet<>();
                for (YamlNode f : m.get("fields").items(fWhat + "の fields")) {
                    FormField inner = field(f, fWhat, fieldScope, false);
                    if (inner != null) {
                        if (!fieldIds.add(inner.id())) {
                            f.problem(fWhat + "の項目「" + inner.id() + "」が重複しています");
                            continue;
                        }
                        fields.add(inner);
                        fieldScope.define(inner.id(), variable(inner, fieldScope));
                    }
                }
            }
        } else if (m.containsKey("fields")) {
            m.get("fields").problem(fWhat + ": fields は group の項目にだけ書けます");
        }
        if (id == null || type == null || label == null) {
            return null;
        }
        FormField withoutChecks = new FormField(id, type, label, help, required, when, List.of(),
                List.copyOf(options), min, max, maxLength, pattern, patternMessage, prefill, itemLabel,
                List.copyOf(fields), List.copyOf(accept), n.location());
        List<Question.Check> checks = new ArrayList<>();
        if (m.containsKey("checks")) {
            Scope own = type == FieldType.GROUP ? fieldScope.child() : scope.child();
            own.define(id, variable(withoutChecks, own));
            for (YamlNode c : m.get("checks").items(fWhat + "の checks")) {
                Map<String, YamlNode> cm = c.entries(fWhat + "のチェック", Set.of("when", "message"));
                Expression checkWhen = expression(cm, "when", fWhat + "のチェック", c, own, true);
                String message = YamlNode.text(cm, "message", fWhat + "のチェック", true, c);
                if (checkWhen != null && message != null) {
                    checks.add(new Question.Check(checkWhen, message, c.location()));
                }
            }
        }
        return new FormField(id, type, label, help, required, when, List.copyOf(checks), List.copyOf(options), min,
                max, maxLength, pattern, patternMessage, prefill, itemLabel, List.copyOf(fields), List.copyOf(accept),
                n.location());
    }

    private Persona persona(YamlNode n, Map<String, LifeEvent> events) {
        Map<String, YamlNode> m = n.entries("ペルソナ", PERSONA_KEYS);
        String name = YamlNode.text(m, "name", "ペルソナ", true, n);
        String what = name == null ? "ペルソナ" : "ペルソナ「" + name + "」";
        String eventCode = YamlNode.text(m, "event", what, true, n);
        LifeEvent event = eventCode == null ? null : events.get(eventCode);
        if (eventCode != null && event == null) {
            m.get("event").problem(what + "のライフイベント「" + eventCode + "」がありません");
            return null;
        }
        if (event == null || name == null || !m.containsKey("answers") || !m.containsKey("expect")) {
            if (!m.containsKey("answers") || !m.containsKey("expect")) {
                n.problem(what + "には answers と expect が必要です");
            }
            return null;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> raw = m.get("answers").plain() instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
        Answers answers;
        try {
            answers = Answers.read(event, raw);
        } catch (AnswerException e) {
            e.problems().forEach(p -> m.get("answers").problem(what + "の回答 " + p.path() + ": " + p.message()));
            return null;
        }
        Map<String, Optional<LocalDate>> expect = new LinkedHashMap<>();
        for (Map.Entry<String, YamlNode> e : m.get("expect").entries(what + "の expect", null).entrySet()) {
            String v = e.getValue().scalar();
            if ("none".equals(v)) {
                expect.put(e.getKey(), Optional.empty());
            } else {
                try {
                    expect.put(e.getKey(), Optional.of(LocalDate.parse(v == null ? "" : v)));
                } catch (java.time.format.DateTimeParseException ex) {
                    e.getValue().problem(what + "の expect「" + e.getKey() + "」は日付か none にしてください（" + v + "）");
                }
            }
        }
        return new Persona(name, eventCode, answers.values(), expect, n.location());
    }
}
