package jp.madoguchi.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;

/**
 * The one integration-test setup: the whole platform on a throwaway embedded PostgreSQL with the demo municipality
 * loaded, a real HTTP port, and MockMvc. Every test class using it shares one Spring context (and one database), so
 * tests create what they need under their own identifiers and never assume an otherwise empty database.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles({"test", "demo"})
public @interface MadoguchiIntegrationTest {
}
