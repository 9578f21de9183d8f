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
        long offset = Long.parseLong(code) % 1000;
        String household = CheckDigits.appendModulus11(CheckDigits.nextIssuable(Long.toString(2_000_000L + offset * 10)));
        TestMunicipality m = new TestMunicipality(code, household);
        String atenaBase = Long.toString(800_000_000L + offset * 1000);
        for (int i = 0; i < kanaNames.length; i++) {
            atenaBase = CheckDigits.nextIssuable(atenaBase);
            m.atenaNumbers.add(CheckDigits.appendModulus11(atenaBase));
        }
        municipalities.register(new Municipality(code, name, "テスト", "テスト県", false));
        TenantContext.runAs(code, () -> {
            if (staff.list().isEmpty()) {
                staff.create("admin", name + " 管理者", EnumSet.of(StaffRole.ADMIN, StaffRole.COUNTER), PASSWORD);
                staff.create("counter", name + " 窓口", Set.of(StaffRole.COUNTER), PASSWORD);
                register.addTownAreas(List.of(new ResidentRegistration.TownArea("001", "本町", "ホンチョウ")));
                register.addHouseholds(List.of(household));
                List<ResidentRegistration.NewResident> residents = new ArrayList<>();
                for (int i = 0; i < kanaNames.length; i++) {
                    String[] parts = kanaNames[i].split("\u3000");
                    residents.add(new ResidentRegistration.NewResident(m.atenaNumbers.get(i), household,
                            residents.isEmpty() ? "世帯主" : "子", "1", "1", "試験", parts[1], kanaNames[i], null,
                            null, null,
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
        return m;
    }
}
