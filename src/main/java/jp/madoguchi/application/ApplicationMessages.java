package jp.madoguchi.application;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import jp.madoguchi.notification.ContactChannel;
import jp.madoguchi.notification.Notifications;
import jp.madoguchi.notification.OutgoingMessage;
import jp.madoguchi.platform.MunicipalityDirectory;
import org.springframework.stereotype.Component;

/**
 * The e-mails to the applicant (受付・補正のお願い・決定), in Japanese, written to the notification outbox in the
 * same transaction as the change they announce. They carry the 受付番号 and what to do, never the form's contents.
 */
@Component
class ApplicationMessages {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy年M月d日 H時mm分")
            .withZone(ZoneId.of("Asia/Tokyo"));

    private final Notifications outbox;
    private final MunicipalityDirectory municipalities;

    ApplicationMessages(Notifications outbox, MunicipalityDirectory municipalities) {
        this.outbox = outbox;
        this.municipalities = municipalities;
    }

    void received(String email, String receipt, List<String> procedures, Instant at) {
        send(email, receipt, "【" + town() + "】申請を受け付けました（受付番号 " + receipt + "）", """
                %s へのオンライン申請を受け付けました。

                受付番号：%s
                受付日時：%s
                手続：
                %s

                審査の状況は、オンライン窓口の「申請状況」でいつでも確認できます。
                書類の不足などがあった場合は、このメールアドレスに補正のお願いをお送りします。
                """.formatted(town(), receipt, WHEN.format(at), String.join("\n", procedures.stream().map(p -> "・" + p).toList())));
    }

    void correctionRequested(String email, String receipt, String procedure, String message) {
        send(email, receipt, "【" + town() + "】申請内容の補正のお願い（受付番号 " + receipt + "）", """
                受付番号 %s の「%s」について、担当課から補正（修正・追加）のお願いがあります。

                ――― 担当課からのお願い ―――
                %s
                ――――――――――――――――

                オンライン窓口にログインし、「申請状況」からご回答ください。
                """.formatted(receipt, procedure, message));
    }

    void decided(String email, String receipt, String procedure, boolean approved, String note) {
        String what = approved ? "決定しました" : "却下となりました";
        send(email, receipt, "【" + town() + "】申請の審査結果（受付番号 " + receipt + "）", """
                受付番号 %s の「%s」の審査が終わり、%s。
                %s
                決定通知書は別途お送りします。内容についてのお問い合わせは担当課までお願いします。
                """.formatted(receipt, procedure, what, note == null || note.isBlank() ? "" : "\n" + note + "\n"));
    }

    private void send(String email, String receipt, String subject, String body) {
        if (email == null || email.isBlank()) {
            return;
        }
        outbox.enqueue(new OutgoingMessage(ContactChannel.EMAIL, email, subject, body, "application", receipt));
    }

    private String town() {
        return municipalities.current().fullName();
    }
}
