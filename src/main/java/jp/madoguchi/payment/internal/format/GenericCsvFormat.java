package jp.madoguchi.payment.internal.format;

import jp.madoguchi.kit.TextEncodings;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import jp.madoguchi.payment.ParsedPayment;
import jp.madoguchi.payment.PaymentChannel;
import jp.madoguchi.payment.PaymentFileFormat;
import jp.madoguchi.payment.PaymentKind;

/** Another collection agent's CSV read through a configured {@link GenericCsvMapping}: confirmed payments. */
public class GenericCsvFormat implements PaymentFileFormat {

    public static final String ID_PREFIX = "generic-csv:";

    private final GenericCsvMapping mapping;
    private final DateTimeFormatter dates;

    public GenericCsvFormat(GenericCsvMapping mapping) {
        this.mapping = mapping;
        this.dates = DateTimeFormatter.ofPattern(mapping.datePattern().replace("yyyy", "uuuu"))
                .withResolverStyle(ResolverStyle.STRICT);
    }

    @Override
    public String id() {
        return ID_PREFIX + mapping.id();
    }

    @Override
    public String label() {
        return mapping.label();
    }

    @Override
    public void read(byte[] file, Context context, Sink sink) {
        Charset charset = mapping.charset().equalsIgnoreCase("auto") ? TextEncodings.detect(file)
                : Charset.forName(mapping.charset());
        if (!charset.equals(StandardCharsets.UTF_8) && TextEncodings.looksLikeUtf8(file)) {
            sink.fileProblem("文字コードが UTF-8 です（この形式は " + TextEncodings.japaneseName(charset) + " のファイルを読みます）");
            return;
        }
        List<TextEncodings.Span> lines = TextEncodings.spans(file);
        if (lines.isEmpty() || (mapping.header() && lines.size() == 1)) {
            sink.fileProblem("データ行がありません");
            return;
        }
        int columns = Math.max(Math.max(mapping.referenceColumn(), mapping.amountColumn()),
                Math.max(mapping.paidOnColumn(), mapping.receiptColumn()));
        CsvLines.readPayments(file, lines, charset, text -> mapping.header(), sink, (number, f) -> {
            if (f.size() < columns) {
                throw new FieldReader.BadField("列数が" + f.size() + "です（" + columns + "列以上が必要です）");
            }
            String reference = f.get(mapping.referenceColumn() - 1).strip();
            long amount = FieldReader.amount("金額", f.get(mapping.amountColumn() - 1).replace(",", ""));
            if (amount == 0) {
                throw new FieldReader.BadField("金額が0円です");
            }
            String day = f.get(mapping.paidOnColumn() - 1).strip();
            LocalDate paidOn;
            try {
                paidOn = LocalDate.parse(day, dates);
            } catch (DateTimeParseException e) {
                throw new FieldReader.BadField("収納日「" + day + "」は日付（" + mapping.datePattern() + "）ではありません");
            }
            String receipt = mapping.receiptColumn() == 0 ? null : f.get(mapping.receiptColumn() - 1).strip();
            if (receipt != null && receipt.isEmpty()) {
                throw new FieldReader.BadField("受付番号が空です");
            }
            String key = "G:" + mapping.id() + ":" + (receipt != null ? receipt : reference + ":" + paidOn + ":" + amount);
            return new ParsedPayment(number, PaymentKind.PAYMENT, PaymentChannel.AGENT, paidOn, null, amount, reference,
                    null, null, mapping.agentCode(), null, null, null, key, key);
        });
    }
}
