package jp.madoguchi.catalog.rules;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A compiled expression of the rule language (docs/catalog.md): parsed, type-checked against a {@link Scope}, ready
 * to evaluate. Immutable and thread-safe.
 */
public final class Expression {

    private final String source;
    private final Node root;
    private final ValueType type;
    private final Set<String> names;
    private final Set<String> appliesReferences;

    private Expression(String source, Node root, ValueType type, Set<String> names, Set<String> appliesReferences) {
        this.source = source;
        this.root = root;
        this.type = type;
        this.names = names;
        this.appliesReferences = appliesReferences;
    }

    /**
     * Parses and type-checks {@code source} as a condition (a boolean expression).
     *
     * @throws ExpressionException with the position and a Japanese reason
     */
    public static Expression condition(String source, Scope scope) {
        Expression e = compile(source, scope);
        if (e.type != ValueType.BOOLEAN) {
            throw new ExpressionException(1, "条件には真偽値（はい/いいえ）になる式が必要ですが、" + e.type.label() + "です");
        }
        return e;
    }

    /** Parses and type-checks {@code source}, whatever its type. */
    public static Expression compile(String source, Scope scope) {
        if (source == null || source.isBlank()) {
            throw new ExpressionException(1, "式が空です");
        }
        Node root = new Parser(source).parse();
        Set<String> names = new LinkedHashSet<>();
        ValueType type = root.check(scope, names::add);
        Set<String> applies = new LinkedHashSet<>();
        collectApplies(root, applies);
        names.remove("event");
        names.remove("today");
        return new Expression(source, root, type, Set.copyOf(names), Set.copyOf(applies));
    }

    private static void collectApplies(Node node, Set<String> out) {
        switch (node) {
            case Node.Call c -> {
                if (c.function().equals("applies")) {
                    out.add((String) ((Node.Literal) c.args().get(0)).value());
                }
                c.args().forEach(a -> collectApplies(a, out));
            }
            case Node.Not n -> collectApplies(n.operand(), out);
            case Node.Logic l -> l.operands().forEach(o -> collectApplies(o, out));
            case Node.Compare c -> {
                collectApplies(c.left(), out);
                collectApplies(c.right(), out);
            }
            case Node.In i -> {
                collectApplies(i.element(), out);
                collectApplies(i.container(), out);
            }
            case Node.Arithmetic a -> {
                collectApplies(a.left(), out);
                collectApplies(a.right(), out);
            }
            case Node.ListLiteral l -> l.items().forEach(i -> collectApplies(i, out));
            case Node.Literal l -> {
            }
            case Node.Name n -> {
            }
        }
    }

    /** Evaluates the expression; an unanswered value is {@code null}. */
    public Object evaluate(Env env) {
        return root.eval(env);
    }

    /** Evaluates a condition; {@code null} counts as false. */
    public boolean test(Env env) {
        return Node.truth(root.eval(env));
    }

    public String source() {
        return source;
    }

    public ValueType type() {
        return type;
    }

    /** The question and field names the expression reads (not {@code event}/{@code today}). */
    public Set<String> names() {
        return names;
    }

    /** The procedure codes named in {@code applies('…')}. */
    public Set<String> appliesReferences() {
        return appliesReferences;
    }

    /** Whether the expression is the literal {@code true} (a rule that always applies). */
    public boolean isAlwaysTrue() {
        return root instanceof Node.Literal l && Boolean.TRUE.equals(l.value());
    }

    /** Whether the expression is the literal {@code false}. */
    public boolean isAlwaysFalse() {
        return root instanceof Node.Literal l && Boolean.FALSE.equals(l.value());
    }

    @Override
    public String toString() {
        return source;
    }

    /** Tokenizer and recursive-descent parser: or → and → not → comparison → sum → primary. */
    private static final class Parser {
        private final String s;
        private int i;

        Parser(String s) {
            this.s = s;
        }

        Node parse() {
            Node n = or();
            skip();
            if (i < s.length()) {
                throw new ExpressionException(i + 1, "「" + s.substring(i) + "」を解釈できません");
            }
            return n;
        }

        private Node or() {
            int at = pos();
            List<Node> operands = new ArrayList<>(List.of(and()));
            while (keyword("or")) {
                operands.add(and());
            }
            return operands.size() == 1 ? operands.get(0) : new Node.Logic(at, false, operands);
        }

        private Node and() {
            int at = pos();
            List<Node> operands = new ArrayList<>(List.of(not()));
            while (keyword("and")) {
                operands.add(not());
            }
            return operands.size() == 1 ? operands.get(0) : new Node.Logic(at, true, operands);
        }

        private Node not() {
            int at = pos();
            if (keyword("not")) {
                return new Node.Not(at, not());
            }
            return comparison();
        }

        private Node comparison() {
            Node left = sum();
            skip();
            int at = i + 1;
            for (String op : List.of("!=", "<=", ">=", "=", "<", ">")) {
                if (s.startsWith(op, i)) {
                    i += op.length();
                    return new Node.Compare(at, op, left, sum());
                }
            }
            if (keyword("in")) {
                return new Node.In(at, left, sum());
            }
            return left;
        }

        private Node sum() {
            Node left = primary();
            while (true) {
                skip();
                int at = i + 1;
                if (peek('+') || (peek('-'))) {
                    boolean plus = s.charAt(i) == '+';
                    i++;
                    left = new Node.Arithmetic(at, plus, left, primary());
                } else {
                    return left;
                }
            }
        }

        private Node primary() {
            skip();
            int at = i + 1;
            if (i >= s.length()) {
                throw new ExpressionException(at, "式が途中で終わっています");
            }
            char c = s.charAt(i);
            if (c == '(') {
                i++;
                Node inner = or();
                require(')');
                return inner;
            }
            if (c == '[') {
                i++;
                List<Node> items = new ArrayList<>();
                skip();
                if (!peek(']')) {
                    do {
                        items.add(primary());
                    } while (accept(','));
                }
                require(']');
                return new Node.ListLiteral(at, items);
            }
            if (c == '\'' || c == '"') {
                int end = s.indexOf(c, i + 1);
                if (end < 0) {
                    throw new ExpressionException(at, "文字列の終わりの " + c + " がありません");
                }
                String text = s.substring(i + 1, end);
                i = end + 1;
                return new Node.Literal(at, text, ValueType.TEXT);
            }
            if (Character.isDigit(c)) {
                int start = i;
                while (i < s.length() && Character.isDigit(s.charAt(i))) {
                    i++;
                }
                return new Node.Literal(at, Long.parseLong(s.substring(start, i)), ValueType.NUMBER);
            }
            if (Character.isLetter(c) || c == '_') {
                int start = i;
                while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) {
                    i++;
                }
                String word = s.substring(start, i);
                switch (word) {
                    case "true" -> {
                        return new Node.Literal(at, true, ValueType.BOOLEAN);
                    }
                    case "false" -> {
                        return new Node.Literal(at, false, ValueType.BOOLEAN);
                    }
                    case "and", "or", "not", "in" ->
                            throw new ExpressionException(at, "「" + word + "」の前に値が必要です");
                    default -> {
                    }
                }
                skip();
                if (!peek('(')) {
                    return new Node.Name(at, word);
                }
                i++;
                List<Node> args = new ArrayList<>();
                skip();
                if (!peek(')')) {
                    do {
                        args.add(or());
                    } while (accept(','));
                }
                require(')');
                if (word.equals("date")) {
                    return dateLiteral(at, args);
                }
                return new Node.Call(at, word, args);
            }
            throw new ExpressionException(at, "「" + c + "」はここに書けません");
        }

        private Node dateLiteral(int at, List<Node> args) {
            if (args.size() != 1 || !(args.get(0) instanceof Node.Literal l) || !(l.value() instanceof String text)) {
                throw new ExpressionException(at, "date には日付を date('2024-10-01') の形で1つ指定してください");
            }
            try {
                return new Node.Literal(at, LocalDate.parse(text), ValueType.DATE);
            } catch (DateTimeParseException e) {
                throw new ExpressionException(at, "「" + text + "」は日付として読めません（2024-10-01 の形にしてください）");
            }
        }

        private boolean keyword(String word) {
            skip();
            if (s.startsWith(word, i)) {
                int end = i + word.length();
                if (end == s.length() || !(Character.isLetterOrDigit(s.charAt(end)) || s.charAt(end) == '_')) {
                    i = end;
                    return true;
                }
            }
            return false;
        }

        private boolean accept(char c) {
            skip();
            if (peek(c)) {
                i++;
                return true;
            }
            return false;
        }

        private void require(char c) {
            if (!accept(c)) {
                throw new ExpressionException(i + 1, "「" + c + "」が必要です");
            }
        }

        private boolean peek(char c) {
            return i < s.length() && s.charAt(i) == c;
        }

        private int pos() {
            skip();
            return i + 1;
        }

        private void skip() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }
    }
}
