package jp.madoguchi.application;

import java.time.Instant;
import java.time.LocalDate;

/** One case as a queue shows it. */
public record CaseSummary(long id, long applicationId, String receiptNumber, String procedureCode,
        String procedureName, String departmentCode, String departmentName, CaseStatus status, String applicantName,
        String channel, Instant submittedAt, LocalDate dueDate, String assigneeName, int version) {

    /** 期限超過 — past its due date and still open. */
    public boolean overdue(LocalDate today) {
        return status.open() && dueDate != null && dueDate.isBefore(today);
    }

    /** 期限間近 — due within 3 days and still open. */
    public boolean dueSoon(LocalDate today) {
        return status.open() && dueDate != null && !dueDate.isBefore(today) && !dueDate.isAfter(today.plusDays(3));
    }
}
