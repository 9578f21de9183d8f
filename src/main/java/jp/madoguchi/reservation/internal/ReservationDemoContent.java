package jp.madoguchi.reservation.internal;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import jp.madoguchi.platform.DemoContent;
import jp.madoguchi.platform.Municipality;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo counters, services, hours, a 休日開庁 Saturday and a card-renewal campaign for 窓口町. Adds only what is
 * missing: the municipality's own edits stay.
 */
@Component
class ReservationDemoContent implements DemoContent {

    /**
     * @param procedures the demo catalog's procedures the service serves (what to bring comes from there); 住民票・証明書
     *     has none and shows its own text
     */
    record DemoService(String code, String name, int minutes, int capacity, String prefix, String bring,
            List<String> counters, List<String> procedures) {
    }

    static final List<DemoService> SERVICES = List.of(
            new DemoService("certificates", "住民票・証明書", 15, 3, "A",
                    "本人確認書類（マイナンバーカード、運転免許証など）", List.of("counter-1", "counter-2"), List.of()),
            new DemoService("moving", "転入・転出", 30, 2, "B",
                    "本人確認書類、転出証明書（転入のとき）、世帯全員のマイナンバーカード", List.of("counter-3", "counter-4"),
                    List.of("tennyu-todoke", "tenshutsu-todoke", "tenkyo-todoke")),
            new DemoService("mynumber-card", "マイナンバーカード交付・更新", 20, 2, "C",
                    "交付通知書（はがき）、本人確認書類、今お持ちのマイナンバーカード（更新のとき）", List.of("counter-5"),
                    List.of("mynumber-card-henkou")),
            new DemoService("childcare", "子育て相談", 30, 1, "D", "母子健康手帳（お持ちの方）", List.of("counter-6"),
                    List.of("jidou-fuyou-nintei")),
            new DemoService("insurance", "国民健康保険・年金", 20, 2, "E",
                    "本人確認書類、マイナンバーがわかるもの、勤務先の健康保険の資格喪失証明書（加入のとき）",
                    List.of("counter-4"), List.of("kokuho-kanyu", "kokuho-soushitsu")));

    private final JdbcClient jdbc;
    private final Clock clock;

    ReservationDemoContent(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "reservation services, counters and hours";
    }

    @Override
    public void addTo(Municipality municipality) {
        SettingsCache.invalidate(); // writes the settings tables directly
        String m = municipality.code();
        for (int i = 1; i <= 6; i++) {
            jdbc.sql("""
                    insert into reservation_counter (municipality_code, code, name) values (:m, :c, :n)
                    on conflict do nothing""").param("m", m).param("c", "counter-" + i).param("n", i + "番窓口")
                    .update();
        }
        int sort = 0;
        for (DemoService s : SERVICES) {
            int added = jdbc.sql("""
                    insert into reservation_service (municipality_code, code, name, duration_minutes, slot_capacity,
                        what_to_bring, ticket_prefix, sort_order) values (:m, :c, :n, :d, :cap, :b, :p, :o)
                    on conflict do nothing""").param("m", m).param("c", s.code()).param("n", s.name())
                    .param("d", s.minutes()).param("cap", s.capacity()).param("b", s.bring()).param("p", s.prefix())
                    .param("o", sort += 10).update();
            if (added == 1) {
                for (String counter : s.counters()) {
                    jdbc.sql("""
                            insert into reservation_service_counter (municipality_code, service_code, counter_code)
                            values (:m, :s, :c) on conflict do nothing""")
                            .param("m", m).param("s", s.code()).param("c", counter).update();
                }
            }
            // the catalog links: on a new service, and on a demo database from before them (never edited: version 0)
            boolean unlinked = jdbc.sql("""
                    select s.version = 0 and not exists (select 1 from reservation_service_procedure p
                        where p.municipality_code = s.municipality_code and p.service_code = s.code)
                    from reservation_service s where s.code = :c""").param("c", s.code()).query(Boolean.class)
                    .single();
            if (unlinked) {
                int position = 0;
                for (String procedure : s.procedures()) {
                    jdbc.sql("""
                            insert into reservation_service_procedure (municipality_code, service_code,
                                procedure_code, position) values (:m, :s, :p, :pos) on conflict do nothing""")
                            .param("m", m).param("s", s.code()).param("p", procedure).param("pos", position++)
                            .update();
                }
            }
        }
        boolean noHours = jdbc.sql("select count(*) from reservation_opening_hours").query(Long.class).single() == 0;
        if (noHours) {
            for (DayOfWeek d : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                    DayOfWeek.FRIDAY)) {
                jdbc.sql("""
                        insert into reservation_opening_hours (municipality_code, day_of_week, opens, closes)
                        values (:m, :d, :o, :c)""").param("m", m).param("d", d.getValue())
                        .param("o", LocalTime.of(8, 30)).param("c", LocalTime.of(17, 15)).update();
            }
        }
        LocalDate today = LocalDate.now(clock.withZone(SlotCalendar.JAPAN));
        boolean noSpecialDays = jdbc.sql("select count(*) from reservation_special_day").query(Long.class).single()
                == 0;
        if (noSpecialDays) {
            LocalDate saturday = today.plusDays(14).with(TemporalAdjusters.nextOrSame(DayOfWeek.SATURDAY));
            jdbc.sql("""
                    insert into reservation_special_day (municipality_code, day, kind, opens, closes, note)
                    values (:m, :d, 'OPENING', :o, :c, '休日開庁（引越しシーズン）')""")
                    .param("m", m).param("d", saturday).param("o", LocalTime.of(9, 0))
                    .param("c", LocalTime.of(12, 0)).update();
        }
        boolean noCampaign = jdbc.sql("select count(*) from reservation_campaign where service_code = 'mynumber-card'")
                .query(Long.class).single() == 0;
        if (noCampaign) {
            jdbc.sql("""
                    insert into reservation_campaign (municipality_code, service_code, name, starts_on, ends_on,
                        extra_capacity) values (:m, 'mynumber-card', '電子証明書の更新集中期間', :f, :t, 2)""")
                    .param("m", m).param("f", today).param("t", today.plusDays(90)).update();
        }
    }
}
