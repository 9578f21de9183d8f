package jp.madoguchi.counter.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import jp.madoguchi.audit.Channel;
import jp.madoguchi.kit.CheckDigits;
import jp.madoguchi.kit.RegisterDate;
import jp.madoguchi.platform.DemoContent;
import jp.madoguchi.platform.Municipality;
import jp.madoguchi.resident.AccessPurpose;
import jp.madoguchi.resident.ResidentRegister;
import jp.madoguchi.resident.ResidentRegistration;
import org.springframework.stereotype.Component;

/**
 * おくやみコーナーのデモ — a synthetic household of the demo register whose 世帯主 has died (住民状態 死亡者, 異動事由 死亡):
 * 山路 健一, 66 (so 65歳以上: 介護保険の第1号被保険者; 国民健康保険 by the family's answer), his wife 美咲 (the visitor;
 * her simulated My Number Card {@code demo-okuyami} is configured in application-demo.yaml) and their son 陽太, 16 (a
 * high-school student: 児童手当 to 高校生年代, received by his father). Two members of 15 or more remain, so a new 世帯主
 * must be notified. Added once (idempotent: the deceased's 宛名番号 is looked up first); the day of death is three days
 * before the day it is added. All of it is synthetic.
 */
@Component
class OkuyamiDemoContent implements DemoContent {

    /** 宛名番号 of the deceased, the wife and the son (base 080000000…, outside the generated population's). */
    static final List<String> ATENA = numbers("080000000", 3);
    static final String HOUSEHOLD = numbers("0800000", 1).getFirst();
    static final String DECEASED = ATENA.get(0);
    static final String WIFE = ATENA.get(1);

    private final ResidentRegistration registration;
    private final ResidentRegister register;
    private final Clock clock;

    OkuyamiDemoContent(ResidentRegistration registration, ResidentRegister register, Clock clock) {
        this.registration = registration;
        this.register = register;
        this.clock = clock;
    }

    private static List<String> numbers(String start, int count) {
        List<String> out = new ArrayList<>();
        String base = start;
        for (int i = 0; i < count; i++) {
            base = CheckDigits.nextIssuable(base);
            out.add(CheckDigits.appendModulus11(base));
        }
        return out;
    }

    @Override
    public String name() {
        return "counter: おくやみ demo household";
    }

    @Override
    public int order() {
        return 50;
    }

    @Override
    public void addTo(Municipality municipality) {
        if (register.read(DECEASED, AccessPurpose.RECORD_CORRECTION, Channel.SYSTEM, "demo:counter").isPresent()) {
            return;
        }
        LocalDate death = LocalDate.now(clock).minusDays(3);
        registration.addHouseholds(List.of(HOUSEHOLD));
        registration.registerAll(List.of(
                person(DECEASED, "世帯主", "3", "山路", "健一", "ヤマジ\u3000ケンイチ", LocalDate.of(1960, 8, 5), "1",
                        death, "death"),
                person(WIFE, "妻", "1", "山路", "美咲", "ヤマジ\u3000ミサキ", LocalDate.of(1968, 2, 20), "2",
                        LocalDate.of(2008, 4, 1), "move_in"),
                person(ATENA.get(2), "子", "1", "山路", "陽太", "ヤマジ\u3000ヨウタ", LocalDate.of(2010, 5, 3), "1",
                        LocalDate.of(2010, 5, 3), "birth")), "demo");
    }

    private static ResidentRegistration.NewResident person(String atena, String relationship, String status,
            String family, String given, String kana, LocalDate birth, String sex, LocalDate moved, String reason) {
        return new ResidentRegistration.NewResident(atena, HOUSEHOLD, relationship, "1", status, family, given, kana,
                null, null, null, RegisterDate.of(birth), sex, "001", "7番3号", moved, reason);
    }
}
