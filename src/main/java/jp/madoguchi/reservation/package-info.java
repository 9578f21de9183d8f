/**
 * Visit reservations, queue tickets and the call display (来庁予約・発券・呼出), issue 7 — see docs/reservations.md.
 *
 * <p>Office configuration (counters, services, hours, closures, 休日開庁, campaigns) at
 * {@code /office/reservations/settings}; booking on the portal at {@code /reservations}; the ticket machine, QR
 * check-in and call display at {@code /kiosk/**}; calling at {@code /office/queue}. Capacity is enforced by
 * PostgreSQL (one slot row per service and start time with {@code CHECK (booked <= capacity)}), and confirmations
 * go through the notification outbox in the booking's own transaction.
 */
package jp.madoguchi.reservation;
