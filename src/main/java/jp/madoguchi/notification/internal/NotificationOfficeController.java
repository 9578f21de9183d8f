package jp.madoguchi.notification.internal;

import jp.madoguchi.notification.Notifications;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** 通知の送信状況 — staff read the outbox (in demo mode without SMTP, this is where the e-mails are). */
@Controller
@PreAuthorize("hasRole('ADMIN') or hasRole('COUNTER')")
class NotificationOfficeController {

    private final Notifications notifications;

    NotificationOfficeController(Notifications notifications) {
        this.notifications = notifications;
    }

    @GetMapping("/office/notifications")
    String list(Model model) {
        model.addAttribute("entries", notifications.recent(100));
        return "office/notifications";
    }
}
