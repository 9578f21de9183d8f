package jp.madoguchi.guide;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import jp.madoguchi.support.MadoguchiIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** The public guide API: no sign-in, answers in, procedures with reasons and deadlines out, problems as RFC 9457. */
@MadoguchiIntegrationTest
class GuideApiTest {

    static final String BASE = "/api/public/v1/municipalities/205991/life-events";

    @Autowired MockMvc mvc;

    @Test
    void listsLifeEventsWithTheirQuestions() throws Exception {
        mvc.perform(get(BASE)).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.code == 'tennyu')].questions[0].id").value(contains("moveInDate")))
                .andExpect(jsonPath("$[?(@.code == 'tennyu')].eventDateQuestion").value(contains("moveInDate")));
    }

    @Test
    void givesTheNextQuestionForPartialAnswers() throws Exception {
        mvc.perform(post(BASE + "/tennyu/questionnaire").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"answers\":{\"moveInDate\":\"2026-04-03\"}}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.complete").value(false))
                .andExpect(jsonPath("$.next.id").value("hasMyNumberCard"))
                .andExpect(jsonPath("$.asked").value(not(hasItem("children"))));
    }

    @Test
    void givesProceduresWithReasonsAndDeadlines() throws Exception {
        mvc.perform(post(BASE + "/tennyu/procedures").contentType(MediaType.APPLICATION_JSON).content("""
                        {"answers": {"moveInDate": "2026-04-03", "hasMyNumberCard": true, "insurance": "kokuho",
                          "hasChildren": true, "children": [{"birthDate": "2016-06-10"}, {"birthDate": "2012-09-01"}],
                          "koumuin": false, "hasSeniors": false, "wantsInkan": false, "pets": []}}
                        """))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.eventDate").value("2026-04-03"))
                .andExpect(jsonPath("$.procedures[?(@.code == 'tennyu-todoke')].deadline").value(contains("2026-04-17")))
                .andExpect(jsonPath("$.procedures[?(@.code == 'jidou-teate-nintei')].deadline").value(contains("2026-04-20")))
                .andExpect(jsonPath("$.procedures[?(@.code == 'jidou-teate-nintei')].triggeringQuestions[0]")
                        .value(contains("children")))
                .andExpect(jsonPath("$.procedures[?(@.code == 'tennyugaku')].code").value(contains("tennyugaku")))
                .andExpect(jsonPath("$.summary.procedures").isNumber());
    }

    @Test
    void isDescribedInTheOpenApiDocument() throws Exception {
        mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/public/v1/municipalities/{municipalityCode}/life-events/{event}/procedures'].post")
                        .exists())
                .andExpect(jsonPath("$.paths['/api/public/v1/municipalities/{municipalityCode}/life-events/{event}/questionnaire'].post")
                        .exists());
    }

    @Test
    void unknownAnswersAndIncompleteAnswersAreProblemDetails() throws Exception {
        mvc.perform(post(BASE + "/tennyu/procedures").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"answers\":{\"moveInDate\":\"2026-04-03\",\"bogus\":1,\"insurance\":\"private\"}}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.title").value("回答を受け付けられません"))
                .andExpect(jsonPath("$.errors[*].path").value(contains("bogus", "insurance")));
        mvc.perform(post(BASE + "/tennyu/procedures").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"answers\":{\"moveInDate\":\"2026-04-03\"}}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].path").value("hasMyNumberCard"));
        mvc.perform(get("/api/public/v1/municipalities/999999/life-events")).andExpect(status().isNotFound());
        mvc.perform(post(BASE + "/nothing/procedures").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isNotFound());
    }
}
