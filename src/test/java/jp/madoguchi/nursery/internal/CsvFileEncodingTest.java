package jp.madoguchi.nursery.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import jp.madoguchi.kit.TextEncodings;
import org.junit.jupiter.api.Test;

/** The CP932 export refuses a character CP932 cannot hold, naming the line, what it is about and the character. */
class CsvFileEncodingTest {

    @Test
    void aCp932ExportNamesEachLineWithACharacterItCannotHoldAndWritesNothing() {
        List<String> lines = List.of("児童番号,氏名", "C001,髙橋 一郎", "C002,吉田 𠮷子", "C003,𩸽 花子");
        assertThatThrownBy(() -> CsvFile.cp932(lines, l -> "（児童 " + l.substring(0, 4) + "）"))
                .isInstanceOfSatisfying(NurseryException.class, e -> assertThat(e.details()).containsExactly(
                        "3行目（児童 C002）: 「𠮷」(U+20BB7) は Shift_JIS（CP932）で表せません",
                        "4行目（児童 C003）: 「𩸽」(U+29E3D) は Shift_JIS（CP932）で表せません"));
        byte[] ok = CsvFile.cp932(lines.subList(0, 2), l -> "");
        assertThat(new String(ok, TextEncodings.CP932)).isEqualTo("児童番号,氏名\r\nC001,髙橋 一郎\r\n");
    }
}
