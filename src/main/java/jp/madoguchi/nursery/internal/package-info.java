/**
 * The nursery module's Spring part: rounds, facilities and applications in PostgreSQL ({@link
 * jp.madoguchi.nursery.internal.NurseryStore}), CSV import and export ({@link
 * jp.madoguchi.nursery.internal.NurseryImports}, {@link jp.madoguchi.nursery.internal.ResultCsv}), runs in the
 * background kept with their inputs ({@link jp.madoguchi.nursery.internal.NurseryRuns}), decision letters ({@link
 * jp.madoguchi.nursery.internal.DecisionLetters}) and the demo round. The benchmark (bench/nursery) compiles the
 * engine without this package.
 */
package jp.madoguchi.nursery.internal;
