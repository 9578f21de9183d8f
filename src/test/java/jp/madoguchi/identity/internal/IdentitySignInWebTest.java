package jp.madoguchi.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.madoguchi.demo.DemoResidents;
import jp.madoguchi.identity.ResidentIdentity;
import jp.madoguchi.identity.ResidentSession;
import jp.madoguchi.platform.TenantContext;
import jp.madoguchi.support.MadoguchiIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The resident sign-in pages in the running platform (demo profile): the OpenID Connect flow through the pages
 * against {@link FakeOpenIdProvider} (put in place of the configured provider for the test), refusals shown in
 * Japanese, and the demo sign-in as one of the synthetic residents.
 */
@MadoguchiIntegrationTest
class IdentitySignInWebTest {

    @Autowired MockMvc mvc;
    @Autowired OidcProvider oidc;
    @Autowired ResidentSession residentSession;
    @Autowired DemoPersonas personas;
    @Autowired DemoResidents demoResidents;
    @Autowired Clock clock;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate transactions;

    Optional<ResidentIdentity> signedIn(MockHttpSession session) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setSession(session);
        return residentSession.current(request);
    }

    @Test
    void aResidentSignsInThroughTheOpenIdConnectProviderAndReturnsToTheProcedure() throws Exception {
        try (FakeOpenIdProvider op = new FakeOpenIdProvider(TestPki.key(0))) {
            OidcRelyingParty previous = oidc.replace(new OidcRelyingParty(
                    OidcRelyingPartyTest.properties(op.issuer(), null, null, false), clock));
            try {
                MockHttpSession session = new MockHttpSession();
                mvc.perform(get("/mypage/signin").param("next", "/apply/jidou-teate").session(session))
                        .andExpect(status().isOk())
                        .andExpect(content().string(containsString("デジタル認証アプリでログイン")))
                        .andExpect(content().string(containsString("/mypage/signin/oidc?next=/apply/jidou-teate")));

                MvcResult start = mvc.perform(get("/mypage/signin/oidc").param("next", "/apply/jidou-teate")
                        .session(session)).andExpect(status().is3xxRedirection()).andReturn();
                URI authorize = URI.create(start.getResponse().getRedirectedUrl());
                assertThat(authorize.getQuery()).contains("redirect_uri=https://portal.example.lg.jp"
                        + ResidentSignInController.CALLBACK_PATH);
                String callback = op.authorize(authorize, new FakeOpenIdProvider.Tweak());
                String sessionIdBefore = session.getId();

                mvc.perform(get(ResidentSignInController.CALLBACK_PATH + "?" + callback).session(session))
                        .andExpect(redirectedUrl("/apply/jidou-teate"));

                assertThat(session.getId()).as("a new session id after sign-in").isNotEqualTo(sessionIdBefore);
                ResidentIdentity identity = signedIn(session).orElseThrow();
                assertThat(identity.provider()).isEqualTo("oidc");
                assertThat(identity.name()).isEqualTo("窓口　太郎");
                assertThat(identity.birthDate()).isEqualTo(LocalDate.of(1985, 7, 7));
                assertThat(identity.address()).isEqualTo("長野県窓口町本町一丁目2番3号");
                assertThat(auditEvents("resident.signed-in", "oidc:" + identity.subject())).isEqualTo(1);

                // The same answer again: its state was used up.
                mvc.perform(get(ResidentSignInController.CALLBACK_PATH + "?" + callback).session(session))
                        .andExpect(redirectedUrl("/mypage/signin?error=state"));
                mvc.perform(get("/mypage/signin").param("error", "state").session(session))
                        .andExpect(content().string(containsString("ログインの確認ができませんでした")))
                        .andExpect(content().string(containsString("ログイン中です")));

                mvc.perform(post("/mypage/signout").with(csrf()).session(session))
                        .andExpect(redirectedUrl("/mypage/signin?signedOut"));
                assertThat(signedIn(session)).isEmpty();
            } finally {
                oidc.replace(previous);
            }
        }
    }

    @Test
    void aWrongTokenIsRefusedWithAJapaneseMessageAndTheResidentStaysSignedOut() throws Exception {
        try (FakeOpenIdProvider op = new FakeOpenIdProvider(TestPki.key(0))) {
            OidcRelyingParty previous = oidc.replace(new OidcRelyingParty(
                    OidcRelyingPartyTest.properties(op.issuer(), null, null, false), clock));
            try {
                MockHttpSession session = new MockHttpSession();
                MvcResult start = mvc.perform(get("/mypage/signin/oidc").param("next", "/apply/x").session(session))
                        .andReturn();
                String callback = op.authorize(URI.create(start.getResponse().getRedirectedUrl()),
                        FakeOpenIdProvider.tweak(t -> t.nonce = "another"));

                mvc.perform(get(ResidentSignInController.CALLBACK_PATH + "?" + callback).session(session))
                        .andExpect(redirectedUrl("/mypage/signin?error=token-nonce&next=/apply/x"));
                mvc.perform(get("/mypage/signin?error=token-nonce&next=/apply/x").session(session))
                        .andExpect(content().string(containsString("nonce が一致しない")));
                assertThat(signedIn(session)).isEmpty();
            } finally {
                oidc.replace(previous);
            }
        }
    }

    @Test
    void withoutAConfiguredProviderTheOidcSignInIsNotOffered() throws Exception {
        OidcRelyingParty previous = oidc.replace(null);
        try {
            mvc.perform(get("/mypage/signin")).andExpect(status().isOk())
                    .andExpect(content().string(not(containsString("/mypage/signin/oidc"))));
            mvc.perform(get("/mypage/signin/oidc")).andExpect(redirectedUrl("/mypage/signin?error=not-available"));
        } finally {
            oidc.replace(previous);
        }
    }

    @Test
    void inDemoModeAResidentSignsInAsASyntheticResident() throws Exception {
        DemoPersonas.Persona parent = personas.personas().stream()
                .filter(p -> p.role().equals(DemoPersonas.PARENT_WITH_CHILD)).findFirst().orElseThrow();
        String atena = parent.resident().atenaNumber();

        mvc.perform(get("/mypage/signin").param("next", "/apply/jidou-teate")).andExpect(status().isOk())
                .andExpect(content().string(containsString("デモ用：架空の住民としてログイン（本番では表示されません）")))
                .andExpect(content().string(containsString("data-subject=\"" + atena + "\" data-role=\"parent-with-child\"")));

        MockHttpSession session = new MockHttpSession();
        mvc.perform(post("/mypage/signin/demo").with(csrf()).session(session).param("subject", atena)
                .param("next", "/apply/jidou-teate")).andExpect(redirectedUrl("/apply/jidou-teate"));

        ResidentIdentity identity = signedIn(session).orElseThrow();
        assertThat(identity.demo()).isTrue();
        assertThat(identity.provider()).isEqualTo("demo");
        assertThat(identity.subject()).isEqualTo(atena);
        assertThat(identity.email()).isEqualTo("demo+" + atena + "@example.jp");
        assertThat(identity.address()).startsWith("長野県窓口町");
        assertThat(identity.name()).isEqualTo(DemoPersonas.name(parent.resident()));

        mvc.perform(post("/mypage/signin/demo").with(csrf()).param("subject", "0000000000"))
                .andExpect(redirectedUrl("/mypage/signin?error=demo-unknown"));
        // Without the form's CSRF token nobody is signed in.
        MockHttpSession forged = new MockHttpSession();
        MvcResult withoutToken = mvc.perform(post("/mypage/signin/demo").session(forged).param("subject", atena)
                .param("next", "/apply/jidou-teate")).andReturn();
        assertThat(withoutToken.getResponse().getRedirectedUrl()).isNotEqualTo("/apply/jidou-teate");
        assertThat(signedIn(forged)).isEmpty();
    }

    @Test
    void theParentWithChildLivesWithAChildAgedUpTo14() {
        LocalDate today = LocalDate.now(clock);
        DemoResidents.Resident parent = personas.personas().stream()
                .filter(p -> p.role().equals(DemoPersonas.PARENT_WITH_CHILD)).findFirst().orElseThrow().resident();
        List<DemoResidents.Resident> household = demoResidents.all().stream()
                .filter(r -> r.householdNumber().equals(parent.householdNumber())).toList();

        assertThat(household).anySatisfy(r -> {
            assertThat(r.relationship()).isEqualTo("子");
            assertThat(r.ageOn(today)).isBetween(0, 14);
            assertThat(parent.ageOn(today) - r.ageOn(today)).isGreaterThanOrEqualTo(16);
        });
        assertThat(personas.personas()).hasSizeBetween(8, 12)
                .extracting(DemoPersonas.Persona::role).doesNotHaveDuplicates()
                .contains("parent-with-infant", "pregnancy-age", "senior-65", "senior-75", "foreign-resident");
    }

    @Test
    void theDemoResidentsAreThoseOfTheDemoRegister() {
        // The portal never reads the register; this test does, to show that the generator gives the same people.
        for (DemoPersonas.Persona p : personas.personas()) {
            Map<String, Object> row = TenantContext.callAs("205991", () -> transactions.execute(s -> jdbc.sql("""
                    select family_name, given_name, household_number, sex_code from resident_record
                    where atena_number = :atena and superseded_at is null""").param("atena",
                    p.resident().atenaNumber()).query().singleRow()));
            assertThat(row.get("family_name")).isEqualTo(p.resident().familyName());
            assertThat(row.get("given_name")).isEqualTo(p.resident().givenName());
            assertThat(row.get("household_number")).isEqualTo(p.resident().householdNumber());
            assertThat(row.get("sex_code")).isEqualTo(p.resident().male() ? "1" : "2");
        }
    }

    private long auditEvents(String type, String actor) {
        return TenantContext.callAs("205991", () -> transactions.execute(s -> jdbc.sql(
                "select count(*) from audit_event where event_type = :type and actor_id = :actor")
                .param("type", type).param("actor", actor).query(Long.class).single()));
    }
}
