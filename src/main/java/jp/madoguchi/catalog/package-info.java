/**
 * Procedure catalog (手続カタログ): procedures, life events with their questions and rules, and test personas, as
 * versioned data (shipped files, the municipality's edits in the database); the rule language and the engine that
 * decides which procedures apply to a resident's answers. See {@code docs/catalog.md}.
 *
 * <p>Knows nothing about residents: the guide asks, the catalog answers.
 */
package jp.madoguchi.catalog;
