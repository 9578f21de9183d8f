/**
 * 書かないワンストップ窓口 — the no-writing one-stop counter and the おくやみコーナー: a visit (来庁受付) opened by reading
 * the visitor's My Number Card or by a register search, the life-event questionnaire run with the visitor, every form
 * prefilled from the register, the card and the answers, a confirmation on a tablet, and one case per procedure in the
 * online applications' workflow (channel {@code COUNTER}). See docs/counter.md.
 */
package jp.madoguchi.counter;
