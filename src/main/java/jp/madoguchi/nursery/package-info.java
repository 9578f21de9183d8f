/**
 * Nursery admission matching (保育所利用調整): facilities with seats per age class, families with points and ranked
 * preferences, sibling options and transfers; a baseline allocation (the procedure most municipalities use) and an
 * optimal one (OR-Tools CP-SAT: most children placed with no justified envy), explained child by child.
 *
 * <p>Public API at this package's root: the model ({@link jp.madoguchi.nursery.AdmissionInstance} and its parts),
 * {@link jp.madoguchi.nursery.NurseryMatching} (run, compare, explain) and
 * {@link jp.madoguchi.nursery.InstanceGenerator} (synthetic instances). The engines live in {@code engine} and use
 * no Spring and no database.
 */
package jp.madoguchi.nursery;
