/**
 * Audit trail (監査証跡): the append-only log of events — every read of a person's data and every meaningful
 * change — from which access histories, analytics and audits are read.
 */
package jp.madoguchi.audit;
