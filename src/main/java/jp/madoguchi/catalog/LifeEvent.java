package jp.madoguchi.catalog;

import java.util.List;
import java.util.Optional;

/**
 * ライフイベント — something that happens in a resident's life (転入, 出生, 死亡 …) with the questions that decide
 * which procedures follow and the rules that decide them.
 *
 * @param eventDate the id of the date question deadlines count from
 */
public record LifeEvent(String code, String name, String summary, int order, String eventDate,
        List<Question> questions, List<Rule> rules, SourceLocation location) {

    public Optional<Question> question(String id) {
        return questions.stream().filter(q -> q.id().equals(id)).findFirst();
    }
}
