package jp.madoguchi.counter.internal;

import java.time.LocalDate;
import java.util.Optional;
import jp.madoguchi.kit.RegisterDate;
import jp.madoguchi.resident.ResidentDetail;
import jp.madoguchi.resident.ResidentRecord;

/**
 * What the register says about one person, as the counter prefills forms with it.
 *
 * @param birthDate the exact birth date, or {@code null} when the register knows only part of it
 * @param movedDate 異動年月日 (for a deceased person: the day of death)
 * @param householdNumber 世帯番号
 */
record PersonFacts(String atenaNumber, String name, String nameKana, LocalDate birthDate, String birthDateDisplay,
        String sex, String address, String relationship, String status, String changeReason, LocalDate movedDate,
        String householdNumber) {

    static PersonFacts of(ResidentRecord r) {
        LocalDate birth = Optional.ofNullable(r.birthDateCode()).map(RegisterDate::fromCode)
                .flatMap(RegisterDate::toLocalDate).orElse(null);
        return new PersonFacts(r.atenaNumber(), r.name(), r.nameKana(), birth, r.birthDate(), r.sex(), r.address(),
                r.relationship(), r.status(), r.changeReason(), r.movedDate(), r.householdNumber());
    }

    static PersonFacts of(ResidentDetail d) {
        return of(d.current());
    }

    boolean deceased() {
        return "死亡者".equals(status) || "死亡".equals(changeReason);
    }

    /** Age in completed years on {@code day}; -1 when the birth date is not exact. */
    int ageOn(LocalDate day) {
        return birthDate == null ? -1 : birthDate.until(day).getYears();
    }
}
