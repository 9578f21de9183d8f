package jp.madoguchi.payment;

import java.time.LocalDate;

/**
 * A line of the 収納日計表: money received on one day for one fund through one channel.
 *
 * @param day 収納日
 * @param fundCode the fund ("" for records not matched to a fund)
 * @param fundName its name (未消込 for unmatched)
 * @param channel チャネル
 * @param count records that moved confirmed money (a reversal counts as one)
 * @param amount confirmed money (reversals negative)
 * @param pendingCount 速報 not yet confirmed
 * @param pendingAmount their amount
 */
public record DailyTotal(LocalDate day, String fundCode, String fundName, PaymentChannel channel, long count,
        long amount, long pendingCount, long pendingAmount) {
}
