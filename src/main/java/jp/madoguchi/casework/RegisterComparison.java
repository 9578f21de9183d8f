package jp.madoguchi.casework;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.madoguchi.audit.Channel;
import jp.madoguchi.card.FieldComparison.Agreement;
import jp.madoguchi.card.Notations;
import jp.madoguchi.kit.Wareki;
import jp.madoguchi.platform.Municipality;
import jp.madoguchi.platform.MunicipalityDirectory;
import jp.madoguchi.resident.AccessPurpose;
import jp.madoguchi.resident.ResidentDetail;
import jp.madoguchi.resident.ResidentQuery;
import jp.madoguchi.resident.ResidentRecord;
import jp.madoguchi.resident.ResidentRegister;
import jp.madoguchi.resident.ResidentSummary;
import org.springframework.stereotype.Component;

/**
 * 申請内容と住民記録の照合 — finds the applicant in the register (by 氏名カナ and 生年月日, through the audited path
 * with the purpose 申請の審査) and lists, fact by fact, where what was submitted differs from what the register says.
 * It uses the card matcher's rules ({@link Notations}): spacing, width, 漢数字 and the like are only notation; a
 * different 字形 or value is shown, never hidden.
 */
@Component
public class RegisterComparison {

    /**
     * One fact compared.
     *
     * @param differs staff must look: a different value or a different 字形
     * @param agreement how they agree (一致, 表記の違いのみ, 字形が異なる, 相違)
     */
    public record Fact(String label, String submitted, String register, boolean differs, String agreement) {
    }

    /** The outcome: the record found (or why none), and the facts. */
    public record Result(Optional<ResidentRecord> record, List<ResidentSummary> candidates, List<Fact> facts,
            String note) {
        public long differences() {
            return facts.stream().filter(Fact::differs).count();
        }
    }

    private final ResidentRegister register;
    private final MunicipalityDirectory municipalities;

    RegisterComparison(ResidentRegister register, MunicipalityDirectory municipalities) {
        this.register = register;
        this.municipalities = municipalities;
    }

    /** Compares the applicant's four facts (as submitted: name, nameKana, birthDate ISO, sex, address). */
    public Result compare(Map<String, Object> applicant, String via) {
        String kana = str(applicant.get("nameKana"));
        String birth = str(applicant.get("birthDate"));
        if (kana == null || birth == null) {
            return new Result(Optional.empty(), List.of(), List.of(), "申請者のフリガナまたは生年月日がないため、住民記録を検索できません");
        }
        List<ResidentSummary> hits = register.search(new ResidentQuery(kana, birth, null), AccessPurpose.REVIEW,
                Channel.OFFICE, via);
        if (hits.isEmpty()) {
            return new Result(Optional.empty(), hits, List.of(),
                    "フリガナと生年月日が一致する住民記録はありません（転入前・住所地外の方、または入力の誤りの可能性があります）");
        }
        if (hits.size() > 1) {
            return new Result(Optional.empty(), hits, List.of(), "候補が" + hits.size() + "件あります。住民記録の画面で確認してください");
        }
        Optional<ResidentDetail> detail = register.read(hits.get(0).atenaNumber(), AccessPurpose.REVIEW, Channel.OFFICE,
                via);
        if (detail.isEmpty()) {
            return new Result(Optional.empty(), hits, List.of(), "住民記録を読めませんでした");
        }
        ResidentRecord r = detail.get().current();
        List<Fact> facts = new ArrayList<>();
        facts.add(fact("氏名", str(applicant.get("name")), r.name(), Notations.names(nz(applicant.get("name")), r.name())));
        facts.add(fact("氏名（フリガナ）", kana, r.nameKana(), Notations.names(kana, r.nameKana())));
        String birthWareki;
        try {
            birthWareki = Wareki.format(java.time.LocalDate.parse(birth));
        } catch (RuntimeException e) {
            birthWareki = birth;
        }
        boolean sameBirth = sameDate(birth, r);
        facts.add(new Fact("生年月日", birthWareki, r.birthDate(), !sameBirth,
                (sameBirth ? Agreement.SAME : Agreement.DIFFERENT).label()));
        String sex = str(applicant.get("sex"));
        if (sex != null) {
            boolean sameSex = sex.charAt(0) == r.sex().charAt(0); // 「女性」 = 「女」
            facts.add(new Fact("性別", sex, r.sex(), !sameSex, (sameSex ? Agreement.SAME : Agreement.DIFFERENT).label()));
        }
        Municipality town = municipalities.current();
        facts.add(fact("住所", str(applicant.get("address")), r.address(), Notations.addresses(
                nz(applicant.get("address")), r.address(), town.prefectureName(), town.name())));
        return new Result(Optional.of(r), hits, facts, null);
    }

    private static boolean sameDate(String iso, ResidentRecord r) {
        try {
            return jp.madoguchi.kit.RegisterDate.fromCode(r.birthDateCode()).toLocalDate()
                    .map(d -> d.equals(java.time.LocalDate.parse(iso))).orElse(false);
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static Fact fact(String label, String submitted, String register, Agreement agreement) {
        return new Fact(label, submitted, register, agreement.needsAttention(), agreement.label());
    }

    private static String nz(Object o) {
        return o == null ? "" : o.toString();
    }

    private static String str(Object o) {
        return o == null || o.toString().isBlank() ? null : o.toString();
    }
}
