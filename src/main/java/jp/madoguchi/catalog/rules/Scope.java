package jp.madoguchi.catalog.rules;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The names an expression may use, with their types: the questions asked before it (or all questions of the event,
 * for rules), and inside a group function the group's fields. A child scope sees its parent's names.
 */
public final class Scope {

    /** A name's type; {@code options} for choice and multi questions, {@code fields} for groups. */
    public record Variable(ValueType type, Set<String> options, Scope fields) {
    }

    private final Scope parent;
    private final Map<String, Variable> variables = new LinkedHashMap<>();

    private Scope(Scope parent) {
        this.parent = parent;
    }

    /** A root scope with {@code event} and {@code today}. */
    public static Scope root() {
        Scope s = new Scope(null);
        s.define("event", new Variable(ValueType.DATE, Set.of(), null));
        s.define("today", new Variable(ValueType.DATE, Set.of(), null));
        return s;
    }

    /** A scope for a group's items, seeing this scope's names. */
    public Scope child() {
        return new Scope(this);
    }

    public Scope define(String name, Variable variable) {
        variables.put(name, variable);
        return this;
    }

    public Variable lookup(String name) {
        Variable v = variables.get(name);
        return v != null || parent == null ? v : parent.lookup(name);
    }
}
