package jp.madoguchi.certificate.internal;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import jp.madoguchi.audit.AuditEvent;
import jp.madoguchi.audit.Channel;
import jp.madoguchi.certificate.Requester;
import jp.madoguchi.certificate.SealRegistry;
import jp.madoguchi.kit.CheckDigits;
import jp.madoguchi.platform.DemoContent;
import jp.madoguchi.platform.Municipality;
import jp.madoguchi.platform.pdf.JapaneseFonts;
import jp.madoguchi.resident.AccessPurpose;
import jp.madoguchi.resident.ResidentRegister;
import jp.madoguchi.resident.Standing;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo data of the certificate module (idempotent, after the register items): seal registrations for about 60
 * adults (a drawn seal with the family name), two DV等支援措置 (one against a named party, one against all third
 * parties) and five 本人通知 registrants. Persons are addressed by the demo's 宛名番号 sequence (the first numbers
 * issued: 0999999990-based, modulus-11), read through the audited register path as the system.
 */
@Component
class CertificateDemoContent implements DemoContent {

    static final AuditEvent.Actor DEMO = AuditEvent.Actor.system("デモデータ");

    private final JdbcClient jdbc;
    private final SealRegistry seals;
    private final JdbcCertificateRestrictions restrictions;
    private final ResidentRegister register;
    private final Clock clock;

    CertificateDemoContent(JdbcClient jdbc, SealRegistry seals, JdbcCertificateRestrictions restrictions,
            ResidentRegister register, Clock clock) {
        this.jdbc = jdbc;
        this.seals = seals;
        this.restrictions = restrictions;
        this.register = register;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "certificates (印鑑登録, 支援措置, 本人通知)";
    }

    @Override
    public int order() {
        return 20;
    }

    /** The first {@code n} 宛名番号 of the demo population, in the order the demo loader issues them. */
    static List<String> demoAtenaNumbers(int n) {
        List<String> numbers = new ArrayList<>();
        String base = "099999999";
        for (int i = 0; i < n; i++) {
            base = CheckDigits.nextIssuable(base);
            numbers.add(CheckDigits.appendModulus11(base));
        }
        return numbers;
    }

    @Override
    public void addTo(Municipality municipality) {
        List<String> atenas = demoAtenaNumbers(400);
        LocalDate today = LocalDate.now(clock);
        if (count("seal_registration") == 0) {
            int registered = 0;
            for (int i = 0; i < atenas.size() && registered < 60; i += 5) {
                String atena = atenas.get(i);
                var person = register.readForCertificate(atena, false, false, AccessPurpose.RECORD_CORRECTION, DEMO,
                        Channel.SYSTEM, "demo");
                if (person.isEmpty() || person.get().subject().standing() != Standing.REGISTERED) {
                    continue;
                }
                var subject = person.get().subject();
                var birth = jp.madoguchi.kit.RegisterDate.fromCode(subject.record().birthDateCode()).toLocalDate();
                String family = subject.record().name().split("[\u3000 ]")[0];
                // Only the eligible (15+, not 成年被後見人; checked here so no refusal marks the transaction) and names
                // without variation selectors (the seal is drawn with the bundled font).
                if (birth.isEmpty() || !jp.madoguchi.kit.LegalAge.hasReached(birth.get(), 15, today)
                        || subject.items().adultWard() || family.codePoints().anyMatch(cp -> cp >= 0xE0100)
                        || seals.active(atena).isPresent()) {
                    continue;
                }
                seals.register(atena, String.format("D%07d", i), sealImage(family), DEMO);
                registered++;
            }
        }
        if (count("support_measure") == 0) {
            restrictions.addSupportMeasure(atenas.get(120), false,
                    new Requester("加害　太郎", LocalDate.of(1980, 1, 1), null, null), today.minusMonths(2),
                    today.plusMonths(10));
            restrictions.addSupportMeasure(atenas.get(250), true, null, today.minusMonths(1), today.plusMonths(11));
        }
        if (count("personal_notification") == 0) {
            for (int i = 0; i < 5; i++) {
                restrictions.registerPersonalNotification(atenas.get(10 + i * 7), "honnin-tsuchi-" + (i + 1)
                        + "@example.jp", today.minusYears(1));
            }
        }
    }

    private int count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Integer.class).single();
    }

    /** A round seal (丸印) with the family name written top to bottom, drawn with the bundled font. */
    static byte[] sealImage(String familyName) {
        int size = 360;
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, size, size);
            Color red = new Color(0xC8, 0x1E, 0x1E);
            g.setColor(red);
            g.setStroke(new BasicStroke(14));
            g.drawOval(20, 20, size - 40, size - 40);
            int[] chars = familyName.codePoints().limit(3).toArray();
            float fontSize = chars.length >= 3 ? 84f : 120f;
            g.setFont(bundledFont().deriveFont(fontSize));
            var metrics = g.getFontMetrics();
            int total = chars.length * metrics.getAscent();
            int y = (size - total) / 2 + metrics.getAscent() - 8;
            for (int cp : chars) {
                String c = Character.toString(cp);
                g.drawString(c, (size - metrics.stringWidth(c)) / 2, y);
                y += metrics.getAscent();
            }
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static Font bundled;

    private static synchronized Font bundledFont() {
        if (bundled == null) {
            try (InputStream in = JapaneseFonts.class.getClassLoader().getResourceAsStream(JapaneseFonts.BUNDLED_RESOURCE)) {
                bundled = Font.createFont(Font.TRUETYPE_FONT, in);
            } catch (IOException | java.awt.FontFormatException e) {
                throw new IllegalStateException("印影の描画用フォントを読めません", e);
            }
        }
        return bundled;
    }
}
