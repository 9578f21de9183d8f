package jp.madoguchi.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import jp.madoguchi.demo.internal.DemoDataLoader;
import jp.madoguchi.platform.TenantContext;
import jp.madoguchi.support.MadoguchiIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

@MadoguchiIntegrationTest
class DemoDataTest {

    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate transactions;
    @Autowired DemoDataLoader loader;

    private Map<String, Object> stats() {
        return TenantContext.callAs(DemoDataLoader.DEMO_MUNICIPALITY.code(), () -> transactions.execute(s -> jdbc.sql("""
                select count(*) as residents,
                       count(distinct household_number) as households,
                       count(*) filter (where resident_type_code = '2') as foreign_residents,
                       count(*) filter (where alias is not null) as aliases,
                       count(distinct town_area_code) as town_areas,
                       count(*) filter (where family_name ~ '[髙﨑邊]' or given_name ~ '[髙﨑邊]') as variants,
                       count(*) filter (where family_name ~ '[\\U000E0100-\\U000E01EF]') as ivs
                from resident_record where superseded_at is null
                """).query().singleRow()));
    }

    @Test
    void theDemoMunicipalityHasARealisticPopulation() {
        Map<String, Object> stats = stats();
        assertThat((Long) stats.get("residents")).isGreaterThanOrEqualTo(5000);
        assertThat((Long) stats.get("households")).isGreaterThanOrEqualTo(2000);
        assertThat((Long) stats.get("foreign_residents")).isBetween(100L, 600L);
        assertThat((Long) stats.get("aliases")).isPositive();
        assertThat((Long) stats.get("town_areas")).isGreaterThanOrEqualTo(5);
        assertThat((Long) stats.get("variants")).isPositive();
        assertThat((Long) stats.get("ivs")).isPositive();
    }

    @Test
    void loadingAgainChangesNothing() {
        Map<String, Object> before = stats();
        assertThat(loader.loadIfEmpty()).isFalse();
        assertThat(stats()).isEqualTo(before);
    }
}
