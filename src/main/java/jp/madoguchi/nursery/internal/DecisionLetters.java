package jp.madoguchi.nursery.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.madoguchi.kit.Wareki;
import jp.madoguchi.platform.Municipality;
import jp.madoguchi.platform.pdf.JapaneseFonts;
import jp.madoguchi.platform.pdf.MissingGlyphs;
import jp.madoguchi.platform.pdf.PdfText;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.stereotype.Component;

/**
 * 利用調整結果通知書 — the decision letter, one per family (A4, as many pages as it needs), laid out with the platform's
 * PDF layer ({@link PdfText}, the embedded Japanese font): the addressee, the date in 和暦, each applying child's
 * result, its 指数 and 優先順位, and for every choice above the placement (every choice when not placed) the reason in
 * the explanation's words. A whole round is one merged PDF (one font subset for all pages).
 *
 * <p>A character the font lacks is never replaced: {@link #missingGlyphs} finds them first, per family, so staff can
 * correct the data; drawing such a letter fails.
 */
@Component
public class DecisionLetters {

    private static final float LEFT = 20f;
    private static final float RIGHT = 190f;
    private static final float WIDTH = RIGHT - LEFT;
    private static final float BOTTOM = 278f;

    /** What one family's letter says. */
    public record Letter(String familyId, String addressee, String address, LocalDate date, String roundName,
            LocalDate admissionDay, List<ChildResult> children, List<String> enrolledNotes) {
    }

    /** One applying child's part. */
    public record ChildResult(String heading, String outcome, String summary, List<String> reasons) {
    }

    private final JapaneseFonts fonts;

    public DecisionLetters(JapaneseFonts fonts) {
        this.fonts = fonts;
    }

    /** The letters of a run's families, in family order. */
    public static List<Letter> letters(RunView run, RoundView round, RoundInput input, List<PlacementView> placements,
            LocalDate date) {
        Map<String, List<PlacementView>> byFamily = new LinkedHashMap<>();
        for (PlacementView p : placements) {
            byFamily.computeIfAbsent(p.familyId(), f -> new ArrayList<>()).add(p);
        }
        List<Letter> letters = new ArrayList<>();
        for (var e : byFamily.entrySet()) {
            String familyId = e.getKey();
            RoundInput.FamilyContact contact = input.families().getOrDefault(familyId,
                    new RoundInput.FamilyContact(null, null));
            List<ChildResult> children = new ArrayList<>();
            for (PlacementView p : e.getValue()) {
                String outcome = p.placed() ? (p.transfer() ? "転園内定: " : "入所内定: ") + p.facilityName() + "（第"
                        + p.preference() + "希望）"
                        : p.transfer() ? "保留（希望した施設には転園できませんでした。現在の施設に引き続き在園します）"
                        : "保留（希望した施設に入所できませんでした）";
                children.add(new ChildResult(input.childName(p.childId()) + " さん（受付番号 " + p.childId() + "、"
                        + p.ageClass().label() + "）", outcome, p.summary(), p.reasons()));
            }
            List<String> enrolled = input.enrolled().stream().filter(x -> x.familyId().equals(familyId))
                    .map(x -> input.childName(x.id()) + " さんは、引き続き現在の施設（" + facilityName(input, x.facilityId())
                            + "）に在園します。").toList();
            String addressee = contact.guardianName() == null ? "世帯 " + familyId + " 保護者" : contact.guardianName();
            letters.add(new Letter(familyId, addressee, contact.address(), date, round.name(),
                    round.round().admissionDay(), children, enrolled));
        }
        return letters;
    }

    private static String facilityName(RoundInput input, String id) {
        return input.instance().facilities().stream().filter(f -> f.id().equals(id)).map(f -> f.name()).findFirst()
                .orElse(id);
    }

    /** Every text of a letter, as drawn (for the missing-glyph check). */
    static List<String> texts(Letter l, Municipality m) {
        List<String> t = new ArrayList<>(List.of(l.addressee() + " 様", m.name() + "長", intro(l)));
        if (l.address() != null) {
            t.add(l.address());
        }
        for (ChildResult c : l.children()) {
            t.add(c.heading());
            t.add(c.outcome());
            t.add(c.summary());
            t.addAll(c.reasons());
        }
        t.addAll(l.enrolledNotes());
        return t;
    }

    /**
     * Characters the font cannot draw, per family: 「世帯 H00012: 「𠮷」(U+20BB7、1文字目)」. Empty when every letter can
     * be printed.
     */
    public List<String> missingGlyphs(List<Letter> letters, Municipality m) {
        try (PDDocument doc = new PDDocument()) {
            PDType0Font font = fonts.embedIn(doc);
            List<String> out = new ArrayList<>();
            for (Letter l : letters) {
                for (String text : texts(l, m)) {
                    for (MissingGlyphs.MissingGlyph g : MissingGlyphs.check(font, text)) {
                        out.add("世帯 " + l.familyId() + ": " + g.describe());
                    }
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One PDF with every letter, each starting on a new page. */
    public byte[] render(List<Letter> letters, Municipality m) {
        try (PDDocument doc = new PDDocument()) {
            PDType0Font font = fonts.embedIn(doc);
            for (Letter l : letters) {
                new Writer(doc, font).letter(l, m);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String intro(Letter l) {
        return l.roundName() + "（" + Wareki.format(l.admissionDay()) + "からの入所）の保育所等の利用調整の結果を、"
                + "次のとおりお知らせします。";
    }

    /** Writes one letter, adding pages as the text needs. */
    private static final class Writer {
        private final PDDocument doc;
        private final PDType0Font font;
        private PdfText text;
        private float y;

        Writer(PDDocument doc, PDType0Font font) {
            this.doc = doc;
            this.font = font;
        }

        void letter(Letter l, Municipality m) {
            newPage();
            text.lineRightAligned(Wareki.format(l.date()), RIGHT, 22, 10.5f);
            y = 34;
            if (l.address() != null) {
                y = text.paragraph(l.address(), LEFT, y, 100, 10.5f, 1.5f);
            }
            text.line(l.addressee() + " 様", LEFT, y + 2, 13);
            text.lineRightAligned(m.name() + "長", RIGHT, y + 14, 11);
            y += 30;
            float titleWidth = text.widthMm("保育所等利用調整結果通知書", 16);
            text.line("保育所等利用調整結果通知書", LEFT + (WIDTH - titleWidth) / 2, y, 16);
            y += 12;
            y = text.paragraph(intro(l), LEFT, y, WIDTH, 10.5f, 1.6f) + 3;
            for (ChildResult c : l.children()) {
                room(30);
                text.line("■ " + c.heading(), LEFT, y, 11.5f);
                y += 7;
                text.line("結果　" + c.outcome(), LEFT + 5, y, 11.5f);
                y += 7;
                y = paragraph(c.summary(), LEFT + 5, WIDTH - 5, 9.5f);
                if (!c.reasons().isEmpty()) {
                    room(8);
                    text.line(c.outcome().startsWith("保留") ? "希望した施設に入所できなかった理由"
                            : "より上位の希望に入所できなかった理由", LEFT + 5, y, 9.5f);
                    y += 5.5f;
                    for (String reason : c.reasons()) {
                        y = paragraph("・" + reason, LEFT + 8, WIDTH - 8, 9.5f);
                    }
                }
                y += 3;
            }
            for (String note : l.enrolledNotes()) {
                y = paragraph(note, LEFT, WIDTH, 10f);
            }
            room(30);
            y += 4;
            for (String note : List.of(
                    "・入所内定の方には、入所の手続き（面接・健康診断等）を別途ご案内します。",
                    "・保留となった方は、申込を取り下げない限り、次回以降の利用調整でも引き続き選考します。",
                    "・指数・優先順位と、上位の希望に入所できなかった理由は、利用調整基準に基づき上記のとおりです。"
                            + "ご不明な点は保育担当窓口にお問い合わせください。")) {
                y = paragraph(note, LEFT, WIDTH, 9.5f);
            }
            text.close();
        }

        private float paragraph(String s, float x, float width, float size) {
            List<String> lines = text.wrap(s, width, size);
            float step = size * 1.5f / PdfText.POINTS_PER_MM;
            for (String line : lines) {
                room(step);
                text.line(line, x, y, size);
                y += step;
            }
            return y + 1;
        }

        private void room(float mm) {
            if (y + mm > BOTTOM) {
                text.close();
                newPage();
                y = 22;
            }
        }

        private void newPage() {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            text = PdfText.open(doc, page, font);
        }
    }
}
