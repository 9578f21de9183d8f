package jp.madoguchi.catalog;

import java.util.List;
import java.util.stream.Collectors;

/** A catalog that cannot be read or does not validate; carries every problem found, each with file and line. */
public class CatalogException extends RuntimeException {

    private final List<CatalogProblem> problems;

    public CatalogException(List<CatalogProblem> problems) {
        super("カタログに" + problems.size() + "件の誤りがあります:\n" + problems.stream()
                .map(CatalogProblem::describe).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<CatalogProblem> problems() {
        return problems;
    }
}
