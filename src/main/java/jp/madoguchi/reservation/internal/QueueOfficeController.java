package jp.madoguchi.reservation.internal;

import java.util.List;
import jp.madoguchi.audit.AuditEvent;
import jp.madoguchi.reservation.ReservationException;
import jp.madoguchi.reservation.TicketState;
import jp.madoguchi.staff.CurrentStaff;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 呼出（職員） — a clerk picks their counter, calls the next ticket, and marks it done or absent. */
@Controller
@PreAuthorize("hasRole('COUNTER') or hasRole('ADMIN')")
class QueueOfficeController {

    private final QueueService queue;
    private final SettingsRepository settings;
    private final TransactionTemplate transactions;

    QueueOfficeController(QueueService queue, SettingsRepository settings, TransactionTemplate transactions) {
        this.queue = queue;
        this.settings = settings;
        this.transactions = transactions;
    }

    @GetMapping("/office/queue")
    String page(@RequestParam(defaultValue = "") String counter, Model model) {
        List<Settings.Counter> counters = transactions.execute(s -> settings.counters().stream()
                .filter(Settings.Counter::active).toList());
        model.addAttribute("counters", counters);
        model.addAttribute("counter", counter);
        model.addAttribute("tickets", queue.open());
        return "office/queue";
    }

    @PostMapping("/office/queue/call")
    String call(@RequestParam(defaultValue = "") String counter, RedirectAttributes redirect) {
        try {
            var called = queue.callNext(counter, actor());
            redirect.addFlashAttribute("notice", called.map(t -> t.displayNumber() + " 番を呼び出しました。")
                    .orElse("お待ちの方はいません。"));
        } catch (ReservationException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        redirect.addAttribute("counter", counter);
        return "redirect:/office/queue";
    }

    @PostMapping("/office/queue/{id}/done")
    String done(@PathVariable long id, @RequestParam(defaultValue = "") String counter, RedirectAttributes redirect) {
        return finish(id, TicketState.DONE, counter, redirect);
    }

    @PostMapping("/office/queue/{id}/absent")
    String absent(@PathVariable long id, @RequestParam(defaultValue = "") String counter,
            RedirectAttributes redirect) {
        return finish(id, TicketState.ABSENT, counter, redirect);
    }

    private String finish(long id, TicketState outcome, String counter, RedirectAttributes redirect) {
        try {
            var t = queue.finish(id, outcome, actor());
            redirect.addFlashAttribute("notice", t.displayNumber() + " 番を「" + outcome.label() + "」にしました。");
        } catch (ReservationException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        redirect.addAttribute("counter", counter);
        return "redirect:/office/queue";
    }

    private static AuditEvent.Actor actor() {
        return CurrentStaff.actor();
    }
}
