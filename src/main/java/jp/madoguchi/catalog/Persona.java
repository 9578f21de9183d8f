package jp.madoguchi.catalog;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/**
 * A saved test persona: a life event, answers, and the procedures expected with their deadlines (empty = no dated
 * deadline). Run by the tests and by the office's preview of a draft.
 *
 * @param answers typed answers, as {@link Answers} holds them
 */
public record Persona(String name, String event, Map<String, Object> answers,
        Map<String, Optional<LocalDate>> expect, SourceLocation location) {
}
