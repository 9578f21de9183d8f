package jp.madoguchi.catalog;

/**
 * A way to do a procedure. {@code completeOnline} means the procedure can be finished online without a visit
 * (来庁不要).
 */
public record ProcedureChannel(ChannelType type, String url, boolean completeOnline, String note) {
}
