package jp.madoguchi.application;

import java.time.LocalDate;

/**
 * 申請者 — who submitted, as their identity provider (or the card at the counter) asserted: the four basic facts.
 * Not read from the resident register.
 */
public record Applicant(String provider, String subject, String name, String nameKana, LocalDate birthDate,
        String sex, String address) {
}
