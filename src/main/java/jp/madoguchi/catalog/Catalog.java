package jp.madoguchi.catalog;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A whole, validated catalog: departments, procedures, life events, test personas and the online application forms
 * (keyed by procedure code). Immutable; a new version of
 * the catalog is a new instance.
 */
public record Catalog(String name, String version, Map<String, Department> departments,
        Map<String, Procedure> procedures, Map<String, LifeEvent> events, List<Persona> personas,
        Map<String, Form> forms) {

    /** The online application form of procedure {@code code}, if it has one. */
    public Optional<Form> form(String code) {
        return Optional.ofNullable(forms.get(code));
    }

    public Optional<Procedure> procedure(String code) {
        return Optional.ofNullable(procedures.get(code));
    }

    public Optional<LifeEvent> event(String code) {
        return Optional.ofNullable(events.get(code));
    }

    public Optional<Department> department(String code) {
        return Optional.ofNullable(departments.get(code));
    }

    /** Life events in their display order. */
    public List<LifeEvent> eventsInOrder() {
        return events.values().stream().sorted(Comparator.comparingInt(LifeEvent::order)
                .thenComparing(LifeEvent::code)).toList();
    }
}
