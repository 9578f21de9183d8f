package jp.madoguchi.catalog.rules;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import jp.madoguchi.kit.LegalAge;
import jp.madoguchi.kit.SchoolYear;

/**
 * The syntax tree of an expression. Each node type-checks itself against a {@link Scope} and evaluates itself
 * against an {@link Env}; {@code null} stands for "no answer" and makes comparisons false.
 */
sealed interface Node {

    /** 1-based position in the source, for messages. */
    int position();

    ValueType check(Scope scope, Consumer<String> names);

    Object eval(Env env);

    static boolean truth(Object value) {
        return Boolean.TRUE.equals(value);
    }

    static ExpressionException error(int position, String message) {
        return new ExpressionException(position, message);
    }

    static void expect(Node node, ValueType actual, ValueType expected, String what) {
        if (actual != expected) {
            throw error(node.position(), what + "には" + expected.label() + "が必要ですが、" + actual.label() + "です");
        }
    }

    record Literal(int position, Object value, ValueType type) implements Node {
        @Override
        public ValueType check(Scope scope, Consumer<String> names) {
            return type;
        }

        @Override
        public Object eval(Env env) {
            return value;
        }
    }

    record ListLiteral(int position, List<Node> items) implements Node {
        @Override
        public ValueType check(Scope scope, Consumer<String> names) {
            for (Node item : items) {
                ValueType t = item.check(scope, names);
                if (t != ValueType.TEXT && t != ValueType.NUMBER) {
                    throw error(item.position(), "リストの要素は選択肢の値か数値にしてください");
                }
            }
            return ValueType.LIST;
        }

        @Override
        public Object eval(Env env) {
            return items.stream().map(i -> i.eval(env)).toList();
        }
    }

    record Name(int position, String name) implements Node {
        @Override
        public ValueType check(Scope scope, Consumer<String> names) {
            Scope.Variable v = scope.lookup(name);
            if (v == null) {
                throw error(position, "「" + name + "」という質問はありません（この式より前に聞く質問か、繰り返し項目の中の項目だけが使えます）");
            }
            names.accept(name);
            return v.type();
        }

        @Override
        public Object eval(Env env) {
            return switch (name) {
                case "event" -> env.event();
                case "today" -> env.today();
                default -> env.value(name);
            };
        }
    }

    record Not(int position, Node operand) implements Node {
        @Override
        public ValueType check(Scope scope, Consumer<String> names) {
            expect(operand, operand.check(scope, names), ValueType.BOOLEAN, "not の後");
            return ValueType.BOOLEAN;
        }

        @Override
        public Object eval(Env env) {
            return !truth(operand.eval(env));
        }
    }

    record Logic(int position, boolean and, List<Node> operands) implements Node {
        @Override
        public ValueType check(Scope scope, Consumer<String> names) {
            for (Node o : operands) {
                expect(o, o.check(scope, names), ValueType.BOOLEAN, and ? "and の両辺" : "or の両辺");
            }
            return ValueType.BOOLEAN;
        }

        @Override
        public Object eval(Env env) {
            for (Node o : operands) {
                boolean t = truth(o.eval(env));
                if (and && !t) {
                    return false;
                }
                if (!and && t) {
                    return true;
                }
            }
            return and;
        }
    }

    /** {@code = != < <= > >=}; a choice compared with a literal must use one of the question's options. */
    record Compare(int position, String operator, Node left, Node right) implements Node {
        @Override
        public ValueType check(Scope scope, Consumer<String> names) {
            ValueType l = left.check(scope, names);
            ValueType r = right.check(scope, names);
            if (l != r || l == ValueType.SET || l == ValueType.GROUP || l == ValueType.LIST) {
                throw error(position, l.label() + "と" + r.label() + "は「" + operator + "」で比べられません");
            }
            if (l == ValueType.BOOLEAN || l == ValueType.TEXT) {
                if (!operator.equals("=") && !operator.equals("!=")) {
                    throw error(position, l.label() + "には「=」か「!=」だけが使えます");
                }
            }
            checkOption(scope, left, right);
            checkOption(scope, right, left);
            return ValueType.BOOLEAN;
        }

        @Override
        public Object eval(Env env) {
            Object l = left.eval(env);
            Object r = right.eval(env);
            if (l == null || r == null) {
                return false;
            }
            if (operator.equals("=")) {
                return l.equals(r);
            }
            if (operator.equals("!=")) {
                return !l.equals(r);
            }
            @SuppressWarnings({"unchecked", "rawtypes"})
            int c = ((Comparable) l).compareTo(r);
            return switch (operator) {
                case "<" -> c < 0;
                case "<=" -> c <= 0;
                case ">" -> c > 0;
                default -> c >= 0;
            };
        }
    }

    /** A literal compared with (or tested for membership in) a choice must be one of its options. */
    static void checkOption(Scope scope, Node question, Node literal) {
        if (question instanceof Name name && scope.lookup(name.name()) != null) {
            Set<String> options = scope.lookup(name.name()).options();
            if (options.isEmpty()) {
                return;
            }
            List<Node> literals = literal instanceof ListLiteral list ? list.items() : List.of(literal);
            for (Node l : literals) {
                if (l instanceof Literal lit && lit.value() instanceof String s && !options.contains(s)) {
                    throw error(l.position(), "「" + s + "」は質問「" + name.name() + "」の選択肢にありません（選択肢: "
                            + String.join(", ", options) + "）");
                }
            }
        }
    }

    /** {@code x in ['a', 'b']} or {@code 'dog' in vehicles} (a multi question). */
    record In(int position, Node element, Node container) implements Node {
        @Override
        public ValueType check(Scope scope, Consumer<String> names) {
            ValueType e = element.check(scope, names);
            ValueType c = container.check(scope, names);
            if (c == ValueType.LIST) {
                if (e != ValueType.TEXT && e != ValueType.NUMBER) {
                    throw error(position, "in の左には選択肢か数値が必要です");
                }
                checkOption(scope, element, container);
            } else if (c == ValueType.SET) {
                expect(element, e, ValueType.TEXT, "複数選択の質問に対する in の左");
                checkOption(scope, container, element);
            } else {
                throw error(container.position(), "in の右にはリスト [ … ] か複数選択の質問が必要です");
            }
            return ValueType.BOOLEAN;
        }

        @Override
        public Object eval(Env env) {
            Object e = element.eval(env);
            Object c = container.eval(env);
            return e != null && c instanceof List<?> list && list.contains(e);
        }
    }

    record Arithmetic(int position, boolean plus, Node left, Node right) implements Node {
        @Override
        public ValueType check(Scope scope, Consumer<String> names) {
            expect(left, left.check(scope, names), ValueType.NUMBER, plus ? "+ の左" : "- の左");
            expect(right, right.check(scope, names), ValueType.NUMBER, plus ? "+ の右" : "- の右");
            return ValueType.NUMBER;
        }

        @Override
        public Object eval(Env env) {
            Object l = left.eval(env);
            Object r = right.eval(env);
            if (l == null || r == null) {
                return null;
            }
            return plus ? (Long) l + (Long) r : (Long) l - (Long) r;
        }
    }

    /** A function call; group functions evaluate their condition once per item. */
    record Call(int position, String function, List<Node> args) implements Node {

        private static final Map<String, List<ValueType>> SIGNATURES = Map.ofEntries(
                Map.entry("age", List.of(ValueType.DATE)),
                Map.entry("ageOn", List.of(ValueType.DATE, ValueType.DATE)),
                Map.entry("ageOnApril1", List.of(ValueType.DATE)),
                Map.entry("grade", List.of(ValueType.DATE)),
                Map.entry("inSchoolYearUntilAge", List.of(ValueType.DATE, ValueType.NUMBER)),
                Map.entry("reached", List.of(ValueType.DATE, ValueType.NUMBER)),
                Map.entry("daysBetween", List.of(ValueType.DATE, ValueType.DATE)));

        private static final Set<String> GROUP_FUNCTIONS = Set.of("count", "any", "all", "none");

        /** Every function of the language, for messages. */
        static final String KNOWN = "age, ageOn, ageOnApril1, grade, inSchoolYearUntilAge, reached, daysBetween, answered, "
                + "count, any, all, none, applies, date";

        @Override
        public ValueType check(Scope scope, Consumer<String> names) {
            if (GROUP_FUNCTIONS.contains(function)) {
                return checkGroupFunction(scope, names);
            }
            if (function.equals("answered")) {
                if (args.size() != 1 || !(args.get(0) instanceof Name)) {
                    throw error(position, "answered には質問の名前を1つ指定してください");
                }
                args.get(0).check(scope, names);
                return ValueType.BOOLEAN;
            }
            if (function.equals("applies")) {
                if (args.size() != 1 || !(args.get(0) instanceof Literal l) || !(l.value() instanceof String)) {
                    throw error(position, "applies には手続コードを1つ、'tennyu-todoke' のように指定してください");
                }
                return ValueType.BOOLEAN;
            }
            List<ValueType> signature = SIGNATURES.get(function);
            if (signature == null) {
                throw error(position, "「" + function + "」という関数はありません（使える関数: " + KNOWN + "）");
            }
            if (args.size() != signature.size()) {
                throw error(position, function + " の引数は" + signature.size() + "個です（" + args.size() + "個あります）");
            }
            for (int i = 0; i < args.size(); i++) {
                expect(args.get(i), args.get(i).check(scope, names), signature.get(i),
                        function + " の" + (i + 1) + "番目の引数");
            }
            return function.equals("inSchoolYearUntilAge") || function.equals("reached") ? ValueType.BOOLEAN
                    : ValueType.NUMBER;
        }

        private ValueType checkGroupFunction(Scope scope, Consumer<String> names) {
            boolean countOnly = function.equals("count");
            if (args.isEmpty() || args.size() > 2 || (!countOnly && args.size() != 2)) {
                throw error(position, countOnly ? "count(繰り返し項目) か count(繰り返し項目, 条件) の形にしてください"
                        : function + "(繰り返し項目, 条件) の形にしてください");
            }
            if (!(args.get(0) instanceof Name group)) {
                throw error(args.get(0).position(), function + " の1番目の引数は繰り返し項目の質問名にしてください");
            }
            expect(group, group.check(scope, names), ValueType.GROUP, function + " の1番目の引数");
            if (args.size() == 2) {
                Scope fields = scope.lookup(group.name()).fields();
                expect(args.get(1), args.get(1).check(fields, names), ValueType.BOOLEAN, function + " の条件");
            }
            return countOnly ? ValueType.NUMBER : ValueType.BOOLEAN;
        }

        @Override
        public Object eval(Env env) {
            switch (function) {
                case "count", "any", "all", "none" -> {
                    return evalGroup(env);
                }
                case "answered" -> {
                    return args.get(0).eval(env) != null;
                }
                case "applies" -> {
                    return env.applies((String) ((Literal) args.get(0)).value());
                }
                default -> {
                }
            }
            boolean predicate = function.equals("inSchoolYearUntilAge") || function.equals("reached");
            Object[] values = new Object[args.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = args.get(i).eval(env);
                if (values[i] == null) {
                    return predicate ? Boolean.FALSE : null;
                }
            }
            LocalDate event = env.event();
            if (event == null && !function.equals("ageOn") && !function.equals("daysBetween")) {
                return predicate ? Boolean.FALSE : null;
            }
            if (!function.equals("daysBetween")) {
                // Ages and school years of someone not yet born on that day have no value (not an error).
                LocalDate on = function.equals("ageOn") ? (LocalDate) values[1] : event;
                if (((LocalDate) values[0]).isAfter(on)) {
                    return predicate ? Boolean.FALSE : null;
                }
            }
            return switch (function) {
                case "age" -> (long) LegalAge.ageOn((LocalDate) values[0], event);
                case "ageOn" -> (long) LegalAge.ageOn((LocalDate) values[0], (LocalDate) values[1]);
                case "ageOnApril1" -> (long) SchoolYear.ageOnApril1((LocalDate) values[0],
                        SchoolYear.fiscalYearOf(event));
                case "grade" -> (long) SchoolYear.schoolGrade((LocalDate) values[0], event).ordinal();
                case "inSchoolYearUntilAge" -> !event.isAfter(
                        SchoolYear.endOfSchoolYearTurning((LocalDate) values[0], ((Long) values[1]).intValue()));
                case "reached" -> LegalAge.hasReached((LocalDate) values[0], ((Long) values[1]).intValue(), event);
                case "daysBetween" -> ChronoUnit.DAYS.between((LocalDate) values[0], (LocalDate) values[1]);
                default -> throw new IllegalStateException(function);
            };
        }

        private Object evalGroup(Env env) {
            Object value = args.get(0).eval(env);
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> items = value instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
            if (args.size() == 1) {
                return (long) items.size();
            }
            Node condition = args.get(1);
            long matching = 0;
            for (Map<String, Object> item : items) {
                if (truth(condition.eval(new ItemEnv(env, item)))) {
                    matching++;
                }
            }
            return switch (function) {
                case "count" -> matching;
                case "any" -> matching > 0;
                case "all" -> !items.isEmpty() && matching == items.size();
                default -> matching == 0;
            };
        }
    }

    /** An item of a group seen through its parent environment. */
    record ItemEnv(Env parent, Map<String, Object> item) implements Env {
        @Override
        public Object value(String name) {
            return item.containsKey(name) ? item.get(name) : parent.value(name);
        }

        @Override
        public LocalDate event() {
            return parent.event();
        }

        @Override
        public LocalDate today() {
            return parent.today();
        }

        @Override
        public boolean applies(String code) {
            return parent.applies(code);
        }
    }
}
