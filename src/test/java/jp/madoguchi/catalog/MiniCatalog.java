package jp.madoguchi.catalog;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** A small catalog for the engine's tests, as files that tests can vary one at a time. */
final class MiniCatalog {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    static final String CATALOG = """
            name: テスト町 手続カタログ
            version: test.1
            departments:
              - code: shimin
                name: 住民課
                place: 1階 1番窓口
              - code: kodomo
                name: 子育て支援課
                place: 2階 5番窓口
            """;

    static final String PROCEDURES = """
            procedures:
              - code: tennyu-todoke
                name: 転入届
                summary: 住所を移す届出です。
                department: shimin
                applicants: [self, agent]
                bring:
                  all: [転出証明書]
                  self: [本人確認書類]
                  agent: [委任状, 代理人の本人確認書類]
                deadline:
                  days: 14
                  note: 引っ越した日から14日以内
                channels:
                  - type: counter
                counterMinutes: 20
              - code: jidou-teate
                name: 児童手当の認定請求
                summary: 児童手当を受け取るための請求です。
                department: kodomo
                deadline:
                  days: 15
                  note: 引っ越した日の翌日から15日以内
                channels:
                  - type: online
                    url: https://app.oss.myna.go.jp/Application/search
                    completeOnline: true
                  - type: counter
                counterMinutes: 15
              - code: tengaku
                name: 転入学の手続
                summary: 小中学校への転入学の手続です。
                department: kodomo
                channels:
                  - type: counter
                counterMinutes: 10
              - code: kokuho
                name: 国民健康保険の加入
                summary: 国保に入る手続です。
                department: shimin
                deadline: {days: 14, note: 14日以内}
                channels: [{type: counter}]
                counterMinutes: 15
            """;

    static final String EVENT = """
            code: tennyu
            name: 引っ越してきた
            order: 1
            eventDate: moveInDate
            questions:
              - id: moveInDate
                type: date
                text: 引っ越した日
              - id: hasChildren
                type: boolean
                text: 高校生年代までのお子さんはいますか
              - id: children
                type: group
                askIf: hasChildren
                text: お子さんの生年月日
                itemLabel: お子さん
                min: 1
                max: 5
                fields:
                  - id: birthDate
                    type: date
                    text: 生年月日
                    checks:
                      - when: birthDate > event
                        message: 生年月日が引っ越した日より後です
              - id: insurance
                type: choice
                text: 健康保険は
                options:
                  - {value: employee, label: 勤務先}
                  - {value: kokuho, label: 国保}
            rules:
              - procedure: tennyu-todoke
                when: 'true'
                reason: 引っ越してきたため
              - procedure: jidou-teate
                when: any(children, inSchoolYearUntilAge(birthDate, 18))
                reason: 高校生年代までのお子さんがいるため
              - procedure: tengaku
                when: any(children, grade(birthDate) >= 1 and grade(birthDate) <= 9)
                reason: 小中学生のお子さんがいるため
              - procedure: kokuho
                when: insurance = 'kokuho'
                reason: 国保に入るため
            """;

    static final String PERSONAS = """
            personas:
              - name: 子ども2人
                event: tennyu
                answers:
                  moveInDate: 2026-04-03
                  hasChildren: true
                  children:
                    - birthDate: 2016-06-10
                    - birthDate: 2012-09-01
                  insurance: employee
                expect:
                  tennyu-todoke: 2026-04-17
                  jidou-teate: 2026-04-20
                  tengaku: none
            """;

    private MiniCatalog() {
    }

    static List<CatalogFile> files() {
        return files(CATALOG, PROCEDURES, EVENT, PERSONAS);
    }

    static List<CatalogFile> files(String catalog, String procedures, String event, String personas) {
        List<CatalogFile> files = new ArrayList<>();
        files.add(new CatalogFile("catalog.yaml", catalog));
        files.add(new CatalogFile("procedures/main.yaml", procedures));
        files.add(new CatalogFile("events/tennyu.yaml", event));
        if (personas != null) {
            files.add(new CatalogFile("personas/main.yaml", personas));
        }
        return files;
    }

    static Catalog load() {
        return CatalogLoader.load(files(), TODAY);
    }
}
