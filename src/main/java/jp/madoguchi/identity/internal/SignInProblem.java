package jp.madoguchi.identity.internal;

import java.util.Arrays;
import java.util.Optional;

/**
 * Why a resident's sign-in was refused, with the message the sign-in page shows. The code travels in the
 * {@code error} parameter of the sign-in page and in the log (never personal data).
 */
public enum SignInProblem {
    STATE_MISMATCH("state", "ログインの確認ができませんでした（認証サービスからの応答が、このブラウザで始めたログインと対応していません）。"
            + "お手数ですが、もう一度ログインしてください。"),
    REQUEST_EXPIRED("expired", "ログインの手続きの有効時間（10分）が過ぎました。もう一度ログインしてください。"),
    ACCESS_DENIED("denied", "認証サービスでログインがキャンセルされたか、情報の提供に同意されませんでした。"),
    PROVIDER_ERROR("provider", "認証サービスがエラーを返したため、ログインできませんでした。時間をおいてもう一度お試しください。"),
    UNAVAILABLE("unavailable", "認証サービスに接続できませんでした。時間をおいてもう一度お試しください。"),
    TOKEN_REFUSED("token", "認証サービスで本人確認の結果を受け取れませんでした（トークンの発行が拒否されました）。もう一度ログインしてください。"),
    TOKEN_SIGNATURE("token-signature", "認証サービスからの本人確認の情報（IDトークン）の署名を確認できないため、ログインできませんでした。"),
    TOKEN_ISSUER("token-issuer", "本人確認の情報（IDトークン）の発行者が、設定された認証サービスと異なるため、ログインできませんでした。"),
    TOKEN_AUDIENCE("token-audience", "本人確認の情報（IDトークン）がこのサービスあてに発行されたものではないため、ログインできませんでした。"),
    TOKEN_NONCE("token-nonce", "本人確認の情報（IDトークン）がこのログインの要求に対応していない（nonce が一致しない）ため、ログインできませんでした。"),
    TOKEN_EXPIRED("token-expired", "本人確認の情報（IDトークン）の有効期限が切れているため、ログインできませんでした。もう一度ログインしてください。"),
    TOKEN_INVALID("token-invalid", "本人確認の情報（IDトークン）が正しくないため、ログインできませんでした。"),
    MISSING_FACTS("facts", "認証サービスから氏名と住所を受け取れなかったため、ログインできませんでした。"
            + "認証サービスの画面で、氏名・住所などの提供に同意してください。"),
    NOT_AVAILABLE("not-available", "このログイン方法は現在使えません。"),
    DEMO_UNKNOWN("demo-unknown", "選ばれたデモ用の住民が見つかりません。一覧から選び直してください。");

    private final String code;
    private final String message;

    SignInProblem(String code, String message) {
        this.code = code;
        this.message = message;
    }

    /** The code in the sign-in page's {@code error} parameter and in the log. */
    public String code() {
        return code;
    }

    /** What the sign-in page tells the resident. */
    public String message() {
        return message;
    }

    static Optional<SignInProblem> ofCode(String code) {
        return Arrays.stream(values()).filter(p -> p.code.equals(code)).findFirst();
    }
}
