package jp.madoguchi.catalog;

import jp.madoguchi.catalog.rules.Expression;

/**
 * A rule of a life event: procedure {@code procedure} applies when {@code when} holds, and {@code reason} says why in
 * words a resident understands. {@code id} is the rule's position in the event ("tennyu#3"), stable within a
 * catalog version.
 */
public record Rule(String id, String procedure, Expression when, String reason, SourceLocation location) {
}
