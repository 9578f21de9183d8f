package jp.madoguchi.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import jp.madoguchi.identity.DemoSigningCard;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * Without the demo profile there is no demo sign-in and no demo signing card (whose CA would otherwise be trusted).
 * With it, they are there (the shared integration context runs with the demo profile: see IdentitySignInWebTest).
 */
class IdentityDemoOnlyBeansTest {

    @Test
    void withoutTheDemoProfileNeitherDemoSignInNorDemoCardExist() {
        new ApplicationContextRunner()
                .withUserConfiguration(DemoPersonas.class, DemoJpkiAuthority.class)
                .withPropertyValues("spring.profiles.active=test")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).doesNotHaveBean(DemoPersonas.class);
                    assertThat(context).doesNotHaveBean(DemoSigningCard.class);
                    assertThat(context).doesNotHaveBean(TrustContribution.class);
                });
    }
}
