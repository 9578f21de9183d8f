package jp.madoguchi.counter.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;
import jp.madoguchi.audit.AuditEvent;
import jp.madoguchi.counter.VisitState;
import jp.madoguchi.demo.internal.DemoDataLoader;
import jp.madoguchi.kit.CheckDigits;
import jp.madoguchi.platform.TenantContext;
import jp.madoguchi.support.MadoguchiIntegrationTest;
import jp.madoguchi.support.StaffInContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The bad input at the tablet (issue 6): another visitor's screen, content changed after the tablet showed
 * it, a missing tick, nothing prepared yet — a Japanese message, nothing saved against the visit (no application,
 * still open), and the refusals of another visit's or a changed screen kept as events. Also who cannot be opened as
 * the visitor. The tablet itself has no staff session.
 */
@MadoguchiIntegrationTest
class VisitConfirmationTest {

    static final String DEMO = DemoDataLoader.DEMO_MUNICIPALITY.code();
    static final AuditEvent.Actor STAFF = AuditEvent.Actor.staff(1, "テスト職員");

    @Autowired VisitService visits;
    @Autowired MockMvc mvc;

    /** The counter staff member's session (the register's reads at the counter need one). */
    @BeforeEach
    void signIn() {
        StaffInContext.signInCounterClerk(DEMO);
    }

    @AfterEach
    void signOut() {
        StaffInContext.signOut();
    }

    <T> T demo(java.util.concurrent.Callable<T> work) {
        return TenantContext.callAs(DEMO, work);
    }

    Visit open(String atena) {
        return demo(() -> visits.require(visits.open(atena, "CARD", List.of(), STAFF)));
    }

    Visit reload(Visit v) {
        return demo(() -> visits.require(v.id()));
    }

    List<String> refusals(Visit v) {
        return demo(() -> visits.events(v.id()).stream().filter(e -> e.kind().equals("CONFIRMATION_REFUSED"))
                .map(e -> String.valueOf(e.details().get("reason"))).toList());
    }

    void assertNothingSaved(Visit v) {
        Visit now = reload(v);
        assertThat(now.state()).isEqualTo(VisitState.OPEN);
        assertThat(now.applicationId()).isNull();
        assertThat(now.receiptNumber()).isNull();
        assertThat(now.confirmedAt()).isNull();
    }

    @Test
    void anotherVisitorsScreenIsRefusedAndTheRefusalIsKept() {
        Visit mother = open(OkuyamiDemoContent.WIFE);
        Visit child = open(OkuyamiDemoContent.ATENA.get(2));

        // The mother's tablet address, but the screen showed the child's visit (and its check code).
        assertThatThrownBy(() -> demo(() -> visits.confirm(mother.token(), child.id(), child.checkCode(),
                mother.version(), true, null)))
                .isInstanceOf(VisitException.class).hasMessageContaining("別の方の受付");
        // The right visit but a check code it never showed.
        assertThatThrownBy(() -> demo(() -> visits.confirm(mother.token(), mother.id(), "abcd", mother.version(),
                true, null)))
                .isInstanceOf(VisitException.class).hasMessageContaining("別の方の受付");

        assertNothingSaved(mother);
        assertNothingSaved(child);
        assertThat(refusals(mother)).containsExactly("other-visit", "other-visit");
        assertThat(refusals(child)).isEmpty();
    }

    @Test
    void contentChangedAfterTheTabletShowedItIsRefused() {
        Visit v = open(OkuyamiDemoContent.WIFE);
        demo(() -> {
            visits.chooseEvent(v.id(), VisitService.OKUYAMI_EVENT, OkuyamiDemoContent.DECEASED);
            return null;
        });
        assertThat(reload(v).version()).isGreaterThan(v.version());

        assertThatThrownBy(() -> demo(() -> visits.confirm(v.token(), v.id(), v.checkCode(), v.version(), true,
                null)))
                .isInstanceOf(VisitException.class).hasMessageContaining("内容を変更しました");
        assertNothingSaved(v);
        assertThat(refusals(v)).containsExactly("changed");
    }

    @Test
    void aMissingTickOrNothingPreparedSavesNothing() {
        Visit v = open(OkuyamiDemoContent.WIFE);
        assertThatThrownBy(() -> demo(() -> visits.confirm(v.token(), v.id(), v.checkCode(), v.version(), false,
                null)))
                .isInstanceOf(VisitException.class).hasMessageContaining("「内容に間違いありません」にチェック");
        assertThatThrownBy(() -> demo(() -> visits.confirm(v.token(), v.id(), v.checkCode(), v.version(), true,
                null)))
                .isInstanceOf(VisitException.class).hasMessageContaining("職員が準備中");
        assertThatThrownBy(() -> demo(() -> visits.confirm("205991.unknown", v.id(), v.checkCode(), v.version(),
                true, null)))
                .isInstanceOf(VisitException.class).hasMessageContaining("この確認画面は無効");
        assertNothingSaved(v);
        assertThat(refusals(v)).isEmpty();
    }

    @Test
    void aClosedVisitCannotBeConfirmed() {
        Visit v = open(OkuyamiDemoContent.WIFE);
        demo(() -> {
            visits.close(v.id(), STAFF);
            return null;
        });
        Visit closed = reload(v);
        assertThatThrownBy(() -> demo(() -> visits.confirm(v.token(), v.id(), v.checkCode(), closed.version(), true,
                null)))
                .isInstanceOf(VisitException.class).hasMessageContaining("この受付は終了です");
        assertThat(reload(v).state()).isEqualTo(VisitState.CLOSED);
        assertThat(reload(v).applicationId()).isNull();
    }

    @Test
    void theDeceasedOrAnUnknownRecordIsNotOpenedAsTheVisitor() {
        assertThatThrownBy(() -> open(OkuyamiDemoContent.DECEASED))
                .isInstanceOf(VisitException.class).hasMessageContaining("死亡の記録");
        String nobody = CheckDigits.appendModulus11(CheckDigits.nextIssuable("089999990"));
        assertThatThrownBy(() -> open(nobody))
                .isInstanceOf(VisitException.class).hasMessageContaining("住民記録が見つかりません");
    }

    @Test
    void theDeceasedMustBeDeceasedAndNotTheVisitor() {
        Visit v = open(OkuyamiDemoContent.WIFE);
        UUID id = v.id();
        assertThatThrownBy(() -> demo(() -> {
            visits.chooseEvent(id, VisitService.OKUYAMI_EVENT, OkuyamiDemoContent.ATENA.get(2));
            return null;
        })).isInstanceOf(VisitException.class).hasMessageContaining("死亡の記録がありません");
        assertThatThrownBy(() -> demo(() -> {
            visits.chooseEvent(id, VisitService.OKUYAMI_EVENT, " ");
            return null;
        })).isInstanceOf(VisitException.class).hasMessageContaining("亡くなった方を住民記録から選んでください");
        assertThat(reload(v).subjectAtena()).isNull();
        assertThat(reload(v).version()).isEqualTo(v.version());
    }

    @Test
    void theTabletNeedsNoStaffSessionAndRefusesAnotherVisitorsScreen() throws Exception {
        Visit mother = open(OkuyamiDemoContent.WIFE);
        Visit child = open(OkuyamiDemoContent.ATENA.get(2));
        StaffInContext.signOut();

        String page = mvc.perform(get("/kiosk/visits/" + mother.token())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("山路　美咲").contains(mother.checkCode()).contains("職員が準備中");

        String refused = mvc.perform(post("/kiosk/visits/" + mother.token() + "/confirm").with(csrf())
                .param("visit", child.id().toString()).param("checkCode", child.checkCode())
                .param("version", Integer.toString(mother.version())).param("attested", "true"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("別の方の受付").contains("山路　美咲").doesNotContain("山路　陽太");
        assertNothingSaved(mother);
        assertThat(refusals(mother)).containsExactly("other-visit");

        mvc.perform(get("/kiosk/visits/205991.not-a-token")).andExpect(status().isOk())
                .andExpect(result -> assertThat(result.getResponse().getContentAsString())
                        .contains("アドレスは正しくありません"));
    }

    @Test
    void aVisitIsOpenedAsCardIdentifiedOnlyForACandidateOfThisSessionsCardRead() throws Exception {
        StaffInContext.signOut();
        org.springframework.mock.web.MockHttpSession staff = jp.madoguchi.support.OfficeSession.signIn(mvc, DEMO,
                "madoguchi", DemoDataLoader.DEMO_PASSWORD);
        long before = demo(() -> (long) visits.today(1000).size());
        String page = mvc.perform(post("/office/visits/open").session(staff).with(csrf())
                        .param("atena", OkuyamiDemoContent.WIFE).param("identifiedBy", "CARD")
                        .param("mismatch", "なし"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("直前に読み取ったカードの候補にありません");
        assertThat(demo(() -> (long) visits.today(1000).size())).isEqualTo(before);
    }
}
