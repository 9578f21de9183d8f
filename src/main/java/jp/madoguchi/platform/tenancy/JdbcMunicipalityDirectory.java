package jp.madoguchi.platform.tenancy;

import java.util.List;
import java.util.Optional;
import jp.madoguchi.kit.CheckDigits;
import jp.madoguchi.platform.Municipality;
import jp.madoguchi.platform.MunicipalityDirectory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class JdbcMunicipalityDirectory implements MunicipalityDirectory {

    private final JdbcClient jdbc;

    JdbcMunicipalityDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Municipality> find(String code) {
        return jdbc.sql("select * from municipality where code = :code").param("code", code)
                .query(Municipality.class).optional();
    }

    @Override
    @Transactional(readOnly = true)
    public List<Municipality> all() {
        return jdbc.sql("select * from municipality order by code").query(Municipality.class).list();
    }

    @Override
    @Transactional
    public void register(Municipality municipality) {
        if (!CheckDigits.isValidMunicipalityCode(municipality.code())) {
            throw new IllegalArgumentException("地方公共団体コードが正しくありません: " + municipality.code());
        }
        jdbc.sql("""
                insert into municipality (code, name, name_kana, prefecture_name, demo)
                values (:code, :name, :nameKana, :prefectureName, :demo)
                on conflict (code) do nothing
                """)
                .param("code", municipality.code()).param("name", municipality.name())
                .param("nameKana", municipality.nameKana()).param("prefectureName", municipality.prefectureName())
                .param("demo", municipality.demo()).update();
    }
}
