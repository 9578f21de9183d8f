package jp.madoguchi.catalog;

import java.util.List;

/** One page of a multi-step form. */
public record FormStep(String title, String help, List<FormField> fields) {
}
