package jp.madoguchi.support;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import jp.madoguchi.kit.CheckDigits;
import jp.madoguchi.kit.RegisterDate;
import jp.madoguchi.platform.Municipality;
import jp.madoguchi.platform.MunicipalityDirectory;
import jp.madoguchi.platform.TenantContext;
import jp.madoguchi.resident.ResidentRegistration;
import jp.madoguchi.staff.StaffDirectory;
import jp.madoguchi.staff.StaffRole;

/**
 * Builds a second municipality for tests: its staff and a few residents, created through the platform's own APIs.
 */
public final class TestMunicipality {

    public static final String PASSWORD = "test-password-123";

    public final String code;
    public final List<String> atenaNumbers = new ArrayList<>();
    public final String householdNumber;
    public long adminId;
    public long counterId;

    private TestMunicipality(String code, String householdNumber) {
        this.code = code;
        this.householdNumber = householdNumber;
    }

    /**
     * Creates (once) the municipality {@code code} with staff {@code admin} and {@code counter} and the given
     * residents, all sharing one household. Residents' 氏名カナ are given in full-width katakana ("ヤマダ　タロウ").
     */
    public static TestMunicipality create(MunicipalityDirectory municipalities, StaffDirectory staff,
            ResidentRegistration register, String code, String name, String... kanaNames) {
        String household = issuable(2_000_000L + Long.parseLong(code) % 1000 * 10);
        TestMunicipality m = new TestMunicipality(code, household);
        municipalities.register(new Municipality(code, name, "テスト", "テスト県", false));
        TenantContext.runAs(code, () -> {
            if (staff.list().isEmpty()) {
                staff.create("admin", name + " 管理者", EnumSet.of(StaffRole.ADMIN, StaffRole.COUNTER), PASSWORD);
                staff.create("counter", name + " 窓口", Set.of(StaffRole.COUNTER), PASSWORD);
                register.addTownAreas(List.of(new ResidentRegistration.TownArea("001", "本町", "ホンチョウ")));
                register.addHouseholds(List.of(household));
                List<ResidentRegistration.NewResident> residents = new ArrayList<>();
                long base = 800_000_000L + Long.parseLong(code) % 1000 * 1000;
                for (String kana : kanaNames) {
                    String atena = issuable(base);
                    base = Long.parseLong(atena.substring(0, atena.length() - 1)) + 1;
                    String[] parts = kana.split("\u3000");
                    residents.add(new ResidentRegistration.NewResident(atena, household,
                            residents.isEmpty() ? "世帯主" : "子", "1", "1", "試験", parts[1], kana, null, null, null,
                            RegisterDate.of(LocalDate.of(1980, 4, 2)), "1", "001", "1番1号",
                            LocalDate.of(2020, 4, 1), "move_in"));
                }
                register.registerAll(residents, "test");
            }
            staff.list().forEach(a -> {
                if (a.loginId().equals("admin")) {
                    m.adminId = a.id();
                } else {
                    m.counterId = a.id();
                }
            });
        });
        long base = 800_000_000L + Long.parseLong(code) % 1000 * 1000;
        for (int i = 0; i < kanaNames.length; i++) {
            String atena = issuable(base);
            m.atenaNumbers.add(atena);
            base = Long.parseLong(atena.substring(0, atena.length() - 1)) + 1;
        }
        return m;
    }

    /** The first 宛名番号-style number whose base is at least {@code base} and can carry a check digit. */
    public static String issuable(long base) {
        long b = base;
        while (!CheckDigits.canCarryModulus11(Long.toString(b))) {
            b++;
        }
        return CheckDigits.appendModulus11(Long.toString(b));
    }
}
