package jp.madoguchi.card.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jp.madoguchi.audit.Channel;
import jp.madoguchi.card.CardFacts;
import jp.madoguchi.card.CardMatch;
import jp.madoguchi.card.CardRegisterMatcher;
import jp.madoguchi.card.CardSex;
import jp.madoguchi.card.FieldComparison;
import jp.madoguchi.card.FieldComparison.Agreement;
import jp.madoguchi.card.FieldComparison.Field;
import jp.madoguchi.kit.DateDisplay;
import jp.madoguchi.platform.Municipality;
import jp.madoguchi.platform.MunicipalityDirectory;
import jp.madoguchi.resident.AccessPurpose;
import jp.madoguchi.resident.ResidentRegister;
import jp.madoguchi.resident.ResidentSummary;
import org.springframework.stereotype.Service;

/**
 * Matches card facts to the register through {@link ResidentRegister#searchByBirthDate}: first the people born that
 * day whose 氏名 (or 通称) agrees with the card's allowing notation and 字形; when there is nobody, the people born
 * that day at the card's address. Each is compared field by field (see {@link Notation}).
 */
@Service
class RegisterCardMatcher implements CardRegisterMatcher {

    static final String REGISTERED = "住登者";

    private final ResidentRegister register;
    private final MunicipalityDirectory municipalities;

    RegisterCardMatcher(ResidentRegister register, MunicipalityDirectory municipalities) {
        this.register = register;
        this.municipalities = municipalities;
    }

    @Override
    public CardMatch match(CardFacts facts, AccessPurpose purpose, Channel channel, String via) {
        Optional<LocalDate> birthDay = facts.birthDate().toLocalDate();
        if (birthDay.isEmpty()) {
            return new CardMatch(CardMatch.Outcome.NOT_FOUND, List.of(), "カードの生年月日（"
                    + facts.birthDate().format(DateDisplay.SEIREKI) + "）は年月日の一部が不詳のため、自動では照合できません。"
                    + "住民記録を検索して確認してください。");
        }
        Municipality municipality = municipalities.current();
        List<ResidentSummary> byName = register.searchByBirthDate(birthDay.get(),
                r -> nameAgreement(facts, r).agreement() != Agreement.DIFFERENT, purpose, channel, via);
        if (!byName.isEmpty()) {
            List<CardMatch.Candidate> candidates = byName.stream()
                    .map(r -> compare(facts, r, municipality)).toList();
            if (candidates.size() == 1) {
                CardMatch.Candidate one = candidates.getFirst();
                String message = one.hasDifferences()
                        ? "住民記録と照合できました。相違点があります。内容を確認してください。"
                        : "住民記録と照合できました。";
                return new CardMatch(CardMatch.Outcome.MATCHED, candidates, message + statusNote(one.resident()));
            }
            return new CardMatch(CardMatch.Outcome.CANDIDATES, candidates, "氏名と生年月日が一致する方が"
                    + candidates.size() + "人います。住所などで本人を確認してください。");
        }
        List<ResidentSummary> byAddress = register.searchByBirthDate(birthDay.get(),
                r -> Notation.addresses(facts.address(), r.address(), municipality.prefectureName(),
                        municipality.name()) != Agreement.DIFFERENT, purpose, channel, via);
        if (!byAddress.isEmpty()) {
            return new CardMatch(CardMatch.Outcome.CANDIDATES,
                    byAddress.stream().map(r -> compare(facts, r, municipality)).toList(),
                    "氏名が一致する住民記録はありません。生年月日と住所が一致する方を候補として表示します"
                            + "（氏名の変更がカードに反映されていない可能性があります）。本人かどうか確認してください。");
        }
        return new CardMatch(CardMatch.Outcome.NOT_FOUND, List.of(),
                "カードの氏名・生年月日に一致する住民記録がありません（" + municipality.name()
                        + "の住民記録を検索しました）。転入の届出が済んでいるか確認し、住民記録を検索してください。");
    }

    private static String statusNote(ResidentSummary r) {
        return REGISTERED.equals(r.status()) ? "" : "住民記録の状態は「" + r.status() + "」です（現在の住民ではありません）。";
    }

    private static CardMatch.Candidate compare(CardFacts facts, ResidentSummary r, Municipality municipality) {
        List<FieldComparison> comparisons = new ArrayList<>(4);
        comparisons.add(nameAgreement(facts, r));
        comparisons.add(new FieldComparison(Field.BIRTH_DATE, facts.birthDateForDisplay(), r.birthDate(), Agreement.SAME,
                ""));
        comparisons.add(sexAgreement(facts.sex(), r.sex()));
        // The register shows addresses from the municipality's name on; the card from the prefecture's.
        String registerAddress = r.address().startsWith(municipality.prefectureName()) ? r.address()
                : municipality.prefectureName() + r.address();
        Agreement address = Notation.addresses(facts.address(), registerAddress, municipality.prefectureName(),
                municipality.name());
        comparisons.add(new FieldComparison(Field.ADDRESS, facts.address(), registerAddress, address,
                switch (address) {
                    case SAME -> "";
                    case NOTATION -> "表記の違いのみです（漢数字、ハイフン、番地・番・号の書き方、空白など）。";
                    case VARIANT_CHARACTERS -> "住所の字形が異なります：カード " + facts.address() + " / 住民記録 "
                            + registerAddress;
                    case DIFFERENT -> "住所がカードと住民記録で異なります（カードの住所変更が未了の可能性）。";
                }));
        return new CardMatch.Candidate(r, comparisons);
    }

    /** The card's name against the register's 氏名, or its 通称 when that agrees better. */
    static FieldComparison nameAgreement(CardFacts facts, ResidentSummary r) {
        Agreement byName = Notation.names(facts.name(), r.name());
        Agreement byAlias = r.alias() == null ? Agreement.DIFFERENT : Notation.names(facts.name(), r.alias());
        if (byAlias.compareTo(byName) < 0) {
            Agreement shown = byAlias == Agreement.SAME ? Agreement.NOTATION : byAlias;
            return new FieldComparison(Field.NAME, facts.name(), r.name() + "（通称 " + r.alias() + "）", shown,
                    "カードの氏名は住民記録の通称と一致します" + (byAlias == Agreement.VARIANT_CHARACTERS
                            ? "（字形が異なります）。" : "。"));
        }
        return new FieldComparison(Field.NAME, facts.name(), r.name(), byName, switch (byName) {
            case SAME -> "";
            case NOTATION -> "表記の違いのみです（空白、全角・半角）。";
            case VARIANT_CHARACTERS -> "氏名の字形が異なります：カード " + facts.name() + " / 住民記録 " + r.name();
            case DIFFERENT -> "氏名がカードと住民記録で異なります（氏名の変更がカードに反映されていない可能性）。";
        });
    }

    private static FieldComparison sexAgreement(CardSex card, String register) {
        Agreement agreement;
        if (card.label().equals(register)) {
            agreement = Agreement.SAME;
        } else if ((card == CardSex.NOT_KNOWN || card == CardSex.NOT_APPLICABLE) && "不明".equals(register)) {
            agreement = Agreement.NOTATION;
        } else {
            agreement = Agreement.DIFFERENT;
        }
        return new FieldComparison(Field.SEX, card.label(), register, agreement,
                agreement == Agreement.DIFFERENT ? "性別がカードと住民記録で異なります。" : "");
    }
}
