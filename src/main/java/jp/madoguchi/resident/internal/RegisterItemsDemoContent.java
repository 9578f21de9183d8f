package jp.madoguchi.resident.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import jp.madoguchi.kit.CheckDigits;
import jp.madoguchi.kit.MyNumber;
import jp.madoguchi.platform.DemoContent;
import jp.madoguchi.platform.Municipality;
import jp.madoguchi.platform.TenantContext;
import jp.madoguchi.resident.RegisterItems;
import jp.madoguchi.resident.Standing;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo register items for certificates (idempotent): 本籍・筆頭者 for Japanese residents, a 住民票コード and an
 * (encrypted) 個人番号 for everyone — all synthetic, from a fixed seed — two 成年被後見人, and, once, a few persons
 * who left the register: eight households that moved out (転出) and six elderly members who died, so that 除票 can
 * be shown. Runs before the certificate module's demo content (seal registrations for current residents only).
 */
@Component
class RegisterItemsDemoContent implements DemoContent {

    static final long SEED = 20260909L;
    static final String DEMO_ACTOR = "demo";

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final JdbcResidentRegister register;
    private final MyNumberCipher cipher;
    private final Clock clock;

    RegisterItemsDemoContent(JdbcClient jdbc, JdbcTemplate jdbcTemplate, JdbcResidentRegister register,
            MyNumberCipher cipher, Clock clock) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.register = register;
        this.cipher = cipher;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "register items for certificates (本籍, 住民票コード, 個人番号, 除票)";
    }

    @Override
    public int order() {
        return 10;
    }

    private record Row(String atena, String household, String relationship, String type, String family,
            String given, String status, int birthSort) {
    }

    @Override
    public void addTo(Municipality municipality) {
        List<Row> rows = jdbc.sql("""
                select atena_number, household_number, relationship, resident_type_code, family_name, given_name,
                       resident_status_code, birth_date_sort
                from resident_record where superseded_at is null order by atena_number
                """).query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getInt(8))).list();
        if (rows.isEmpty()) {
            return;
        }
        Random random = new Random(SEED);
        Map<String, Row> heads = new LinkedHashMap<>();
        rows.stream().filter(r -> r.relationship().equals("世帯主")).forEach(r -> heads.put(r.household(), r));
        Map<String, RegisterItems> items = new LinkedHashMap<>();
        List<String> wards = new ArrayList<>();
        for (Row r : rows) {
            String code = String.format("%011d", Math.floorMod(random.nextLong(), 100_000_000_000L));
            boolean adultWard = r.type().equals("1") && random.nextInt(2000) == 0 && wards.size() < 2;
            if (adultWard) {
                wards.add(r.atena());
            }
            if (r.type().equals("2")) {
                items.put(r.atena(), new RegisterItems(null, null, code, adultWard));
                continue;
            }
            Row head = heads.getOrDefault(r.household(), r);
            // 筆頭者: the household head when the family name is shared, else the person (a 戸籍 of their own).
            Row domicileHead = head.family().equals(r.family()) ? head : r;
            String domicile = random.nextInt(4) == 0
                    ? "長野県松本市丸の内" + (1 + random.nextInt(9)) + "番地"
                    : "長野県" + municipality.name() + "本町" + (1 + random.nextInt(30)) + "番地";
            items.put(r.atena(), new RegisterItems(domicile, domicileHead.family() + "\u3000" + domicileHead.given(),
                    code, adultWard));
        }
        register.addItemsWhereMissing(items, DEMO_ACTOR);

        Integer stored = jdbc.sql("select count(*) from resident_my_number").query(Integer.class).single();
        if (stored < rows.size()) {
            String tenant = TenantContext.require();
            Random numbers = new Random(SEED + 1);
            List<Object[]> batch = new ArrayList<>();
            for (Row r : rows) {
                String eleven = String.format("%011d", Math.floorMod(numbers.nextLong(), 100_000_000_000L));
                MyNumber number = new MyNumber(eleven + CheckDigits.myNumberCheckDigit(eleven));
                batch.add(new Object[] {tenant, r.atena(), cipher.keyId(), cipher.encrypt(number, tenant, r.atena()),
                        DEMO_ACTOR});
            }
            jdbcTemplate.batchUpdate("""
                    insert into resident_my_number (municipality_code, atena_number, key_id, ciphertext, recorded_by)
                    values (?, ?, ?, ?, ?) on conflict do nothing
                    """, batch);
        }

        boolean removedAlready = rows.stream().anyMatch(r -> !r.status().equals("1"));
        if (!removedAlready) {
            addRemovals(rows);
        }
    }

    /** Eight whole households move out and six elderly non-head members die (once; chosen by the seed). */
    private void addRemovals(List<Row> rows) {
        Random random = new Random(SEED + 2);
        LocalDate today = LocalDate.now(clock);
        List<String> households = rows.stream().map(Row::household).distinct().toList();
        for (int i = 0; i < 8; i++) {
            String household = households.get(households.size() - 1 - i * 37);
            LocalDate on = today.minusDays(20 + random.nextInt(600));
            for (Row r : rows) {
                if (r.household().equals(household)) {
                    register.recordRemoval(r.atena(), Standing.MOVED_OUT, on, DEMO_ACTOR);
                }
            }
        }
        int oldestBirthSort = (today.getYear() - 85) * 1_000_000;
        List<Row> elderly = rows.stream()
                .filter(r -> !r.relationship().equals("世帯主") && r.birthSort() > 0 && r.birthSort() < oldestBirthSort).toList();
        for (int i = 0; i < Math.min(6, elderly.size()); i++) {
            Row r = elderly.get(i * Math.max(1, elderly.size() / 6));
            register.recordRemoval(r.atena(), Standing.DIED, today.minusDays(10 + random.nextInt(300)), DEMO_ACTOR);
        }
    }
}
