package jp.madoguchi.payment.internal;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import jp.madoguchi.payment.ParsedPayment;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * The staging table of one reconciliation: a temporary table (private to the session, dropped at commit) filled
 * with PostgreSQL {@code COPY} through the JDBC driver's CopyManager, on the transaction's own connection. Rows are
 * encoded in COPY's text format and sent in 64 KiB chunks while the file is read.
 */
final class PaymentStage implements AutoCloseable {

    static final String DDL = """
            drop table if exists payment_stage;
            create temp table payment_stage (
                line_no       int not null,
                round         int not null default 1,
                rk            uuid not null,
                tk            uuid not null,
                channel       text not null,
                kind          text not null,
                paid_on       date not null,
                paid_time     time,
                amount        bigint not null,
                reference     text not null,
                fund_number   text,
                barcode       text,
                agent_code    text,
                store_code    text,
                transfer_date date,
                result_code   text,
                manual_of     bigint
            ) on commit drop
            """;

    static final String COPY = "copy payment_stage (line_no, rk, tk, channel, kind, paid_on, paid_time, "
            + "amount, reference, fund_number, barcode, agent_code, store_code, transfer_date, result_code, manual_of) "
            + "from stdin";

    private static final int CHUNK = 64 * 1024;

    private final CopyIn copy;
    private final java.security.MessageDigest digest;
    private final StringBuilder buffer = new StringBuilder(CHUNK + 1024);
    private long rows;

    private PaymentStage(CopyIn copy) {
        this.copy = copy;
        try {
            this.digest = java.security.MessageDigest.getInstance("MD5");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Creates the staging table and starts the COPY on the current transaction's connection. */
    static PaymentStage open(DataSource dataSource) {
        Connection connection = create(dataSource);
        try {
            return new PaymentStage(connection.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not start staging payments", e);
        }
    }

    /** Creates the (empty) staging table on the current transaction's connection. */
    static Connection create(DataSource dataSource) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try (Statement statement = connection.createStatement()) {
            statement.execute(DDL);
            return connection;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the payment staging table", e);
        }
    }

    /**
     * The stored form of a record or payment key: a name-based UUID (MD5) of its text, so keys of any length take 16
     * bytes in the unique index.
     */
    static UUID key(String text) {
        return UUID.nameUUIDFromBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    /** {@link #key(String)} with this stage's digest (one per import, not one per record). */
    private UUID fastKey(String text) {
        byte[] md5 = digest.digest(text.getBytes(StandardCharsets.UTF_8));
        md5[6] &= 0x0f;
        md5[6] |= 0x30; // version 3, as UUID.nameUUIDFromBytes
        md5[8] &= 0x3f;
        md5[8] |= (byte) 0x80;
        long msb = 0;
        long lsb = 0;
        for (int i = 0; i < 8; i++) {
            msb = (msb << 8) | (md5[i] & 0xff);
            lsb = (lsb << 8) | (md5[i + 8] & 0xff);
        }
        return new UUID(msb, lsb);
    }

    /** Adds one record (optionally resolving a quarantined record {@code manualOf}). */
    void add(ParsedPayment p, Long manualOf) {
        StringBuilder b = buffer;
        b.append(p.line()).append('\t');
        b.append(fastKey(p.recordKey())).append('\t');
        b.append(fastKey(p.paymentKey())).append('\t');
        b.append(p.channel().name()).append('\t').append(p.kind().name()).append('\t');
        b.append(p.paidOn()).append('\t');
        nullable(b, p.paidTime()).append('\t');
        b.append(p.amount()).append('\t');
        text(b, p.reference()).append('\t');
        nullableText(b, p.fundNumber()).append('\t');
        nullableText(b, p.barcode()).append('\t');
        nullableText(b, p.agentCode()).append('\t');
        nullableText(b, p.storeCode()).append('\t');
        nullable(b, p.transferDate()).append('\t');
        nullableText(b, p.resultCode()).append('\t');
        nullable(b, manualOf).append('\n');
        rows++;
        if (b.length() >= CHUNK) {
            flush();
        }
    }

    long rows() {
        return rows;
    }

    /** Ends the COPY; the staged rows are then visible to this transaction. */
    long finish() {
        flush();
        try {
            return copy.endCopy();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not stage payments", e);
        }
    }

    @Override
    public void close() {
        if (copy.isActive()) {
            try {
                copy.cancelCopy();
            } catch (SQLException e) {
                // the transaction rolls back anyway
            }
        }
    }

    private void flush() {
        if (buffer.isEmpty()) {
            return;
        }
        byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
        buffer.setLength(0);
        try {
            copy.writeToCopy(bytes, 0, bytes.length);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not stage payments", e);
        }
    }

    private static StringBuilder nullable(StringBuilder b, Object value) {
        return value == null ? b.append("\\N") : b.append(value);
    }

    private static StringBuilder nullableText(StringBuilder b, String value) {
        return value == null ? b.append("\\N") : text(b, value);
    }

    /** COPY text format: backslash, tab, newline and carriage return escaped. */
    private static StringBuilder text(StringBuilder b, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '\t' -> b.append("\\t");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                default -> b.append(c);
            }
        }
        return b;
    }

}
