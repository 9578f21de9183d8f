package jp.madoguchi.nursery;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * 保育施設 — a facility offering seats in this round. {@code seats} holds, per age class it has, the seats open to
 * this round's applicants (受入可能数), not counting seats held by enrolled children (在園児, who keep them) nor by
 * this round's transfer applicants, whose seats are added back when they move. A class absent from the map does not
 * exist at the facility (a 小規模保育 has only 0–2歳児); a class with 0 seats exists but takes no one this round.
 *
 * @param id 施設番号
 * @param name 施設名
 * @param seats 受入可能数 per age class
 */
public record Facility(String id, String name, Map<AgeClass, Integer> seats) {

    public Facility {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        seats = seats.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(seats));
    }

    public boolean hasClass(AgeClass age) {
        return seats.containsKey(age);
    }

    public int seats(AgeClass age) {
        return seats.getOrDefault(age, 0);
    }
}
