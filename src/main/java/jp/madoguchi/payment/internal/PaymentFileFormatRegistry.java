package jp.madoguchi.payment.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.madoguchi.payment.PaymentFileFormat;
import jp.madoguchi.payment.internal.format.GenericCsvFormat;
import jp.madoguchi.payment.internal.format.GenericCsvMapping;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The registry of payment file formats: every {@link PaymentFileFormat} bean, plus one generic CSV format per
 * configured mapping ({@code madoguchi.payment.generic-csv}) and the standard mapping.
 */
@Component
@EnableConfigurationProperties(PaymentFileFormatRegistry.Properties.class)
class PaymentFileFormatRegistry {

    /** Configuration: further generic CSV mappings. */
    @ConfigurationProperties("madoguchi.payment")
    record Properties(List<GenericCsvMapping> genericCsv) {
        Properties {
            genericCsv = genericCsv == null ? List.of() : List.copyOf(genericCsv);
        }
    }

    private final Map<String, PaymentFileFormat> formats = new LinkedHashMap<>();

    PaymentFileFormatRegistry(List<PaymentFileFormat> beans, Properties properties) {
        List<PaymentFileFormat> all = new ArrayList<>(beans);
        all.add(new GenericCsvFormat(GenericCsvMapping.standard()));
        properties.genericCsv().forEach(m -> all.add(new GenericCsvFormat(m)));
        for (PaymentFileFormat format : all) {
            if (formats.putIfAbsent(format.id(), format) != null) {
                throw new IllegalStateException("Two payment file formats with the id " + format.id());
            }
        }
    }

    List<PaymentFileFormat> all() {
        return List.copyOf(formats.values());
    }

    PaymentFileFormat get(String id) {
        PaymentFileFormat format = formats.get(id);
        if (format == null) {
            throw new IllegalArgumentException("収納データ形式「" + id + "」はありません");
        }
        return format;
    }
}
