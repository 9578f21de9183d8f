package jp.madoguchi.catalog;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * 手続 — a procedure a resident may have to do: what it is, on what legal basis, where, who may apply, what to bring,
 * the fee, the deadline, the channels (online first) and the estimated time at the counter.
 *
 * @param bring 持ち物 per applicant type; the list under {@code null} key is not used — common items are in
 *     {@code bringAll}
 * @param automatic nothing to do: the municipality acts by itself (手続不要), shown for information
 * @param effectiveFrom first day the procedure exists (inclusive), or {@code null}
 * @param effectiveTo last day (inclusive), or {@code null}
 */
public record Procedure(String code, String name, String summary, String legalBasis, String department,
        List<ApplicantType> applicants, List<String> bringAll, Map<ApplicantType, List<String>> bring, Fee fee,
        DeadlineRule deadline, List<ProcedureChannel> channels, int counterMinutes, String reservationService,
        boolean automatic, LocalDate effectiveFrom, LocalDate effectiveTo, List<String> tags,
        SourceLocation location) {

    /** Whether the procedure is in force on {@code day}. */
    public boolean inEffectOn(LocalDate day) {
        return (effectiveFrom == null || !day.isBefore(effectiveFrom))
                && (effectiveTo == null || !day.isAfter(effectiveTo));
    }

    /** What an applicant of {@code type} brings: the common items, then the type's own. */
    public List<String> bringFor(ApplicantType type) {
        List<String> items = new ArrayList<>(bringAll);
        items.addAll(bring.getOrDefault(type, List.of()));
        return items;
    }

    /**
     * What each applicant type this procedure allows brings (common items first); types that may not apply are
     * absent.
     */
    public Map<ApplicantType, List<String>> bringByApplicant() {
        Map<ApplicantType, List<String>> out = new java.util.EnumMap<>(ApplicantType.class);
        for (ApplicantType type : applicants) {
            out.put(type, bringFor(type));
        }
        return out;
    }

    /** Can be finished online without a visit (来庁不要). */
    public boolean completeOnline() {
        return channels.stream().anyMatch(ProcedureChannel::completeOnline);
    }

    /** The online channel, if there is one. */
    public java.util.Optional<ProcedureChannel> online() {
        return channels.stream().filter(c -> c.type() == ChannelType.ONLINE).findFirst();
    }

    /** The path of this procedure's online form on this platform's portal. */
    public String formUrl() {
        return "/apply/" + code;
    }

    /** Residents apply online on this platform: the online channel's url is {@link #formUrl()}. */
    public boolean onlineHere() {
        return online().filter(c -> formUrl().equals(c.url())).isPresent();
    }

    /** Done at the municipality's counter (a {@code counter} channel). */
    public boolean atCounter() {
        return channels.stream().anyMatch(c -> c.type() == ChannelType.COUNTER);
    }

    /** Channels in order of preference: online first. */
    public List<ProcedureChannel> channelsByPreference() {
        return channels.stream().sorted(java.util.Comparator.comparing(ProcedureChannel::type)).toList();
    }

    public boolean hasTag(String tag) {
        return tags.contains(tag);
    }
}
