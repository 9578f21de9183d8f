package jp.madoguchi.demo.population;

import java.util.List;
import java.util.Objects;

/**
 * A synthetic 世帯.
 *
 * @param sequence 1-based, unique, in register order (town area, then address)
 * @param townArea the 町丁目 the household lives in
 * @param addressDetail the part of the address after the town area: 「3番12号」 (住居表示), 「512番地」 or
 *     「512番地3」 (地番); for an apartment or a facility followed by a full-width space (U+3000) and the 方書, e.g.
 *     「3番12号　コーポ若葉101号室」
 * @param members the members, 世帯主 first
 */
public record SyntheticHousehold(int sequence, TownArea townArea, String addressDetail, List<SyntheticPerson> members) {
    public SyntheticHousehold {
        Objects.requireNonNull(townArea, "townArea");
        Objects.requireNonNull(addressDetail, "addressDetail");
        members = List.copyOf(members);
        if (members.isEmpty()) {
            throw new IllegalArgumentException("a household has at least one member");
        }
    }

    /** The 世帯主 (always the first member). */
    public SyntheticPerson head() {
        return members.getFirst();
    }
}
