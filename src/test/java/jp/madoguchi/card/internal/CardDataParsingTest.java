package jp.madoguchi.card.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import jp.madoguchi.card.ApduChannel;
import jp.madoguchi.card.CardReadException;
import jp.madoguchi.card.CardReadException.Reason;
import jp.madoguchi.card.CardSex;
import jp.madoguchi.kit.RegisterDate;
import org.junit.jupiter.api.Test;

/** The TLV structure of the card's files: what the reader accepts, and the clear messages for what it does not. */
class CardDataParsingTest {

    static final HexFormat HEX = HexFormat.of();
    static final String DIGITS = CardReaderSimulatorTest.NUMBER.digits();

    static byte[] myNumberFile(String digits) {
        return BerTlv.encode(0xFF10, digits.getBytes(StandardCharsets.US_ASCII));
    }

    static byte[] basicFour(byte[]... fields) {
        java.io.ByteArrayOutputStream content = new java.io.ByteArrayOutputStream();
        content.writeBytes(BerTlv.encode(0xDF21, new byte[8]));
        for (byte[] f : fields) {
            content.writeBytes(f);
        }
        return BerTlv.encode(0xFF20, content.toByteArray());
    }

    static byte[] text(int tag, String value) {
        return BerTlv.encode(tag, value.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] goodBasicFour() {
        return basicFour(text(0xDF22, "山田\u3000花子"), text(0xDF23, "長野県窓口町港町512番地3"),
                text(0xDF24, "19900102"), text(0xDF25, "2"));
    }

    /** Reads a card holding these files and returns the failure. */
    static CardReadException failure(byte[] myNumber, byte[] basic) {
        SimulatedCard card = SimulatedCard.withFiles("bad", "壊れたデータ", myNumber, basic, "1234");
        try (ApduChannel channel = card.connect()) {
            InputAssistApReader.read(channel, "1234".toCharArray());
        } catch (CardReadException e) {
            return e;
        }
        throw new AssertionError("the read should have failed");
    }

    @Test
    void theFilesAsTheCardWritesThem() {
        assertThat(HEX.formatHex(myNumberFile(DIGITS))).isEqualTo("ff100c" + HEX.formatHex(DIGITS.getBytes()));
        byte[] file = InputAssistAp.encodeBasicFour(new InputAssistAp.BasicFour("山田\u3000花子", "住所", "19900102", "2"));
        assertThat(file[0] & 0xFF).isEqualTo(0xFF);
        assertThat(file[1] & 0xFF).isEqualTo(0x20);
        BerTlv outer = BerTlv.read(file, 0, "t");
        assertThat(outer.end()).isEqualTo(file.length);
        BerTlv header = BerTlv.read(outer.value(), 0, "t");
        assertThat(header.tag()).isEqualTo(0xDF21);
        // The header's first offset points at the name's TLV (DF 22) in the file.
        int firstOffset = (header.value()[0] & 0xFF) << 8 | header.value()[1] & 0xFF;
        assertThat(file[firstOffset] & 0xFF).isEqualTo(0xDF);
        assertThat(file[firstOffset + 1] & 0xFF).isEqualTo(0x22);
    }

    @Test
    void aCardWithTheDocumentedStructureIsRead() {
        SimulatedCard card = SimulatedCard.withFiles("ok", "正常", myNumberFile(DIGITS), goodBasicFour(), "1234");
        var facts = InputAssistApReader.read(card.connect(), "1234".toCharArray());
        assertThat(facts.name()).isEqualTo("山田\u3000花子");
        assertThat(facts.sex()).isEqualTo(CardSex.FEMALE);
        assertThat(facts.birthDate()).isEqualTo(RegisterDate.seireki(1990, 1, 2));
    }

    @Test
    void aBrokenNumberIsReportedWithoutTheNumber() {
        String badCheckDigit = DIGITS.substring(0, 11) + ((DIGITS.charAt(11) - '0' + 1) % 10);
        CardReadException e = failure(myNumberFile(badCheckDigit), goodBasicFour());
        assertThat(e.reason()).isEqualTo(Reason.MALFORMED_DATA);
        assertThat(e.getMessage()).contains("個人番号: 検査数字が正しくありません").doesNotContain(badCheckDigit);

        assertThat(failure(myNumberFile(DIGITS.substring(0, 11)), goodBasicFour()).getMessage())
                .contains("個人番号: 12桁ではありません");
        assertThat(failure(myNumberFile("12345678901X"), goodBasicFour()).getMessage())
                .contains("個人番号: 数字以外");
        assertThat(failure(BerTlv.encode(0xFF11, DIGITS.getBytes()), goodBasicFour()).getMessage())
                .contains("個人番号: タグ FF11 は想定外です");
        byte[] truncated = java.util.Arrays.copyOf(myNumberFile(DIGITS), 10);
        assertThat(failure(truncated, goodBasicFour()).getMessage()).contains("個人番号: データが途中で終わっています");
    }

    @Test
    void aBrokenBasicFourNamesTheField() {
        byte[] number = myNumberFile(DIGITS);
        assertThat(failure(number, basicFour(text(0xDF22, "山田"), text(0xDF23, "住所"), text(0xDF24, "19900102")))
                .getMessage()).contains("基本4情報: 性別がありません");
        assertThat(failure(number, basicFour(text(0xDF23, "住所"), text(0xDF22, "山田"), text(0xDF24, "19900102"),
                text(0xDF25, "1"))).getMessage()).contains("氏名の位置にタグ DF23 があります");
        byte[] notUtf8 = BerTlv.encode(0xDF22, new byte[] {(byte) 0x93, (byte) 0x63}); // Shift_JIS bytes
        assertThat(failure(number, basicFour(notUtf8, text(0xDF23, "住所"), text(0xDF24, "19900102"),
                text(0xDF25, "1"))).getMessage()).contains("氏名が UTF-8 の文字列ではありません");
        assertThat(failure(number, basicFour(text(0xDF22, "山田"), text(0xDF23, "住所"), text(0xDF24, "H2.1.2"),
                text(0xDF25, "1"))).getMessage()).contains("生年月日: 8桁の数字");
        assertThat(failure(number, basicFour(text(0xDF22, "山田"), text(0xDF23, "住所"), text(0xDF24, "19901332"),
                text(0xDF25, "1"))).getMessage()).contains("生年月日");
        assertThat(failure(number, basicFour(text(0xDF22, "山田"), text(0xDF23, "住所"), text(0xDF24, "19900102"),
                text(0xDF25, "5"))).getMessage()).contains("性別: ISO/IEC 5218");
        assertThat(failure(number, basicFour(text(0xDF22, " "), text(0xDF23, "住所"), text(0xDF24, "19900102"),
                text(0xDF25, "1"))).getMessage()).contains("氏名が空です");
        assertThat(failure(number, BerTlv.encode(0xFF21, new byte[3])).getMessage())
                .contains("基本4情報: タグ FF21 は想定外です");
    }

    @Test
    void lengthsMustBeDefiniteAndInsideTheData() {
        assertThatThrownBy(() -> BerTlv.read(HEX.parseHex("df228001"), 0, "氏名"))
                .hasMessageContaining("氏名: 長さの形式が不正です");
        assertThatThrownBy(() -> BerTlv.read(HEX.parseHex("df2285000000000001"), 0, "氏名"))
                .hasMessageContaining("長さの形式が不正です");
        assertThatThrownBy(() -> BerTlv.read(HEX.parseHex("df220531"), 0, "氏名"))
                .hasMessageContaining("氏名: データが途中で終わっています");
        assertThatThrownBy(() -> BerTlv.read(HEX.parseHex("ff"), 0, "x")).hasMessageContaining("途中で終わっています");
        assertThatThrownBy(() -> BerTlv.read(HEX.parseHex("ff8181810100"), 0, "x"))
                .hasMessageContaining("タグの形式が不正です");
        BerTlv longForm = BerTlv.read(HEX.parseHex("df2281023132"), 0, "x");
        assertThat(longForm.value()).containsExactly('1', '2');
        assertThat(longForm.end()).isEqualTo(6);
        BerTlv multiByte = BerTlv.read(HEX.parseHex("ff100131"), 0, "x");
        assertThat(multiByte.tag()).isEqualTo(0xFF10);
    }

    @Test
    void aHugeDeclaredLengthIsRefusedBeforeReading() {
        byte[] huge = HEX.parseHex("ff2082ffff");
        CardReadException e = failure(myNumberFile(DIGITS), huge);
        assertThat(e.getMessage()).contains("基本4情報: 長さ").contains("大きすぎます");
    }

    @Test
    void partlyUnknownBirthDatesAreKeptAsSuch() {
        assertThat(InputAssistAp.birthDate("19850700")).isEqualTo(RegisterDate.seirekiYearMonth(1985, 7));
        assertThat(InputAssistAp.birthDate("19850000")).isEqualTo(RegisterDate.seirekiYear(1985));
        assertThat(InputAssistAp.birthDate("00000000")).isEqualTo(RegisterDate.unknown());
        assertThat(InputAssistAp.birthDateText(RegisterDate.seirekiYearMonth(1985, 7))).isEqualTo("19850700");
    }

    @Test
    void anyTextSurvivesTheRoundTripThroughTheCardsFormat() {
        qt().forAll(strings().betweenCodePoints(0x20, 0x2FFFF).ofLengthBetween(1, 120),
                        strings().betweenCodePoints(0x20, 0x2FFFF).ofLengthBetween(1, 400),
                        integers().between(0, 3))
                .check((rawName, rawAddress, sex) -> {
                    String name = assignedText(rawName);
                    String address = assignedText(rawAddress);
                    String code = new String[] {"0", "1", "2", "9"}[sex];
                    byte[] file = InputAssistAp.encodeBasicFour(
                            new InputAssistAp.BasicFour(name, address, "20010203", code));
                    InputAssistAp.BasicFour back = InputAssistAp.decodeBasicFour(file);
                    return back.name().equals(name) && back.address().equals(address)
                            && back.birthDate().equals("20010203") && back.sex().equals(code);
                });
    }

    /** Text a card can hold: unassigned code points and lone surrogates replaced, no surrounding spaces. */
    private static String assignedText(String raw) {
        StringBuilder b = new StringBuilder();
        raw.codePoints().map(c -> Character.getType(c) == Character.UNASSIGNED
                || Character.getType(c) == Character.SURROGATE ? 'あ' : c).forEach(b::appendCodePoint);
        String text = b.toString().strip();
        return text.isEmpty() ? "窓" : text;
    }
}
