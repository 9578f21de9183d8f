package jp.madoguchi.catalog;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A whole, validated catalog: departments, procedures, life events, test personas and the application forms (keyed by
 * procedure code) — the online forms of the portal and the counter's forms of procedures done at the counter only.
 * Immutable; a new version of the catalog is a new instance.
 */
public record Catalog(String name, String version, Map<String, Department> departments,
        Map<String, Procedure> procedures, Map<String, LifeEvent> events, List<Persona> personas,
        Map<String, Form> forms) {

    /**
     * The form of procedure {@code code}, if it has one: an online form ({@link #onlineForm}) or a counter form (a
     * procedure done at the counter only, prepared by staff in the one-stop counter).
     */
    public Optional<Form> form(String code) {
        return Optional.ofNullable(forms.get(code));
    }

    /**
     * The form residents fill in on this platform's portal: only for a procedure whose online channel points to
     * {@code /apply/<code>}. A counter form is not offered online.
     */
    public Optional<Form> onlineForm(String code) {
        return form(code).filter(f -> procedure(code).map(Procedure::onlineHere).orElse(false));
    }

    /** The forms offered online on the portal (see {@link #onlineForm}). */
    public List<Form> onlineForms() {
        return forms.values().stream().filter(f -> onlineForm(f.procedure()).isPresent()).toList();
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
