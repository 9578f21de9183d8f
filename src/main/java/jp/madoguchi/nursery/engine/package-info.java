/**
 * The matching engines, plain Java plus OR-Tools: {@link jp.madoguchi.nursery.engine.CompiledInstance} (the instance
 * as arrays, with the priority order), {@link jp.madoguchi.nursery.engine.BaselineAllocator},
 * {@link jp.madoguchi.nursery.engine.CpSatAllocator} (with deferred acceptance among children acting alone as its
 * second model's start), {@link jp.madoguchi.nursery.engine.StabilityChecker} and
 * {@link jp.madoguchi.nursery.engine.Explainer}. No Spring, no database.
 */
package jp.madoguchi.nursery.engine;
