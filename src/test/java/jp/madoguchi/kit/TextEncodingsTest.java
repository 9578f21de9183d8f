package jp.madoguchi.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TextEncodingsTest {

    private static final String TEXT = "施設番号,施設名\r\nA1,あおば保育園\r\n";

    @Test
    void japaneseTextIsToldApartByItsBytes() {
        assertThat(TextEncodings.detect(TEXT.getBytes(StandardCharsets.UTF_8))).isEqualTo(StandardCharsets.UTF_8);
        assertThat(TextEncodings.detect(TEXT.getBytes(TextEncodings.CP932))).isEqualTo(TextEncodings.CP932);
        assertThat(TextEncodings.looksLikeUtf8(TEXT.getBytes(TextEncodings.CP932))).isFalse();
    }

    @Test
    void aBomMakesUtf8AndPureAsciiIsReadAsCp932() {
        byte[] bom = ("\uFEFF" + "A1,B2").getBytes(StandardCharsets.UTF_8);
        assertThat(TextEncodings.hasUtf8Bom(bom)).isTrue();
        assertThat(TextEncodings.detect(bom)).isEqualTo(StandardCharsets.UTF_8);
        byte[] ascii = "A1,B2\r\n".getBytes(StandardCharsets.US_ASCII);
        assertThat(TextEncodings.hasUtf8Bom(ascii)).isFalse();
        assertThat(TextEncodings.hasUtf8Bom(new byte[] {(byte) 0xEF, (byte) 0xBB})).isFalse();
        assertThat(TextEncodings.looksLikeUtf8(ascii)).isFalse();
        assertThat(TextEncodings.detect(ascii)).isEqualTo(TextEncodings.CP932);
    }

    @Test
    void theStrictDecoderRefusesInsteadOfReplacing() throws CharacterCodingException {
        byte[] cp932 = "保育園".getBytes(TextEncodings.CP932);
        assertThatThrownBy(() -> TextEncodings.strictDecoder(StandardCharsets.UTF_8).decode(ByteBuffer.wrap(cp932)))
                .isInstanceOf(CharacterCodingException.class);
        assertThat(TextEncodings.strictDecoder(TextEncodings.CP932).decode(ByteBuffer.wrap(cp932)).toString())
                .isEqualTo("保育園");
    }

    @Test
    void theNamesAreThoseStaffKnow() {
        assertThat(TextEncodings.japaneseName(StandardCharsets.UTF_8)).isEqualTo("UTF-8");
        assertThat(TextEncodings.japaneseName(TextEncodings.CP932)).isEqualTo("Shift_JIS（CP932）");
    }

    @Test
    void linesSplitOnLfAndCrlfAfterABomAndAnUndecodableLineIsMarkedNotReplaced() {
        byte[] utf8 = "\uFEFF見出し\r\n一行目\nabc".getBytes(StandardCharsets.UTF_8);
        var lines = TextEncodings.lines(utf8, StandardCharsets.UTF_8);
        assertThat(lines).extracting(TextEncodings.Line::text).containsExactly("見出し", "一行目", "abc");
        assertThat(lines).extracting(TextEncodings.Line::number).containsExactly(1, 2, 3);
        assertThat(lines.get(0).start()).isEqualTo(3);
        assertThat(lines.get(0).next()).isEqualTo(lines.get(1).start());
        assertThat(lines.get(2).next()).isEqualTo(utf8.length);

        byte[] mixed = concat("ok\n".getBytes(StandardCharsets.UTF_8), "保育\n".getBytes(TextEncodings.CP932),
                "end".getBytes(StandardCharsets.UTF_8));
        assertThat(TextEncodings.lines(mixed, StandardCharsets.UTF_8)).extracting(TextEncodings.Line::text)
                .containsExactly("ok", null, "end");
    }

    @Test
    void spansKeepTheBytesOfEachLineWithoutItsBreakAndAFinalBreakMakesNoEmptyLine() {
        byte[] file = "a\r\nbc\n\nd\n".getBytes(StandardCharsets.UTF_8);
        var spans = TextEncodings.spans(file);
        assertThat(spans).extracting(TextEncodings.Span::number).containsExactly(1, 2, 3, 4);
        assertThat(spans).extracting(TextEncodings.Span::length).containsExactly(1, 2, 0, 1);
        assertThat(spans.get(0).next()).isEqualTo(3);
        assertThat(spans.get(3).next()).isEqualTo(file.length);
        assertThat(TextEncodings.decode(TextEncodings.strictDecoder(StandardCharsets.UTF_8), file, spans.get(1)))
                .isEqualTo("bc");
        assertThat(TextEncodings.spans(new byte[0])).isEmpty();
    }

    @Test
    void theFirstCharacterCp932CannotHoldIsNamedWithItsCodePoint() {
        assertThat(TextEncodings.firstUnencodable("吉田髙𠮷子", TextEncodings.CP932)).hasValue("「𠮷」(U+20BB7)");
        assertThat(TextEncodings.firstUnencodable("髙橋（NEC特殊文字）", TextEncodings.CP932)).isEmpty();
        assertThat(TextEncodings.firstUnencodable("𠮷", StandardCharsets.UTF_8)).isEmpty();
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
