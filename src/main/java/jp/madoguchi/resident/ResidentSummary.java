package jp.madoguchi.resident;

/** One search hit: enough to pick the right person, nothing more. */
public record ResidentSummary(String atenaNumber, String name, String nameKana, String alias, String birthDate,
        String sex, String address, String status) {
}
