package org.patchcare.shared.ui;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.html.Anchor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.patchcare.identity.application.SsoSettings;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The SSO button is there only when SSO is configured, and names the provider. */
class LoginViewTest {

    @BeforeEach
    void setUp() {
        MockVaadin.setup();
    }

    @AfterEach
    void tearDown() {
        MockVaadin.tearDown();
    }

    @Test
    void without_sso_the_login_page_has_no_sso_button() {
        LoginView view = new LoginView(SsoSettings.disabled());
        assertThat(view.getChildren().filter(c -> c instanceof Anchor)).isEmpty();
    }

    @Test
    void with_sso_the_button_names_the_provider_and_leads_to_the_companion_deployment() {
        SsoSettings sso = SsoSettings.parse(Map.of("PATCHCARE_OIDC_ENABLED", "true",
                "PATCHCARE_OIDC_DISPLAY_NAME", "Keycloak", "PATCHCARE_OIDC_ROLES", "patchcare-biomed:BIOMED_TECH"));
        Anchor button = (Anchor) new LoginView(sso).getChildren().filter(c -> c instanceof Anchor).findFirst().orElseThrow();
        assertThat(button.getText()).isEqualTo("Log in with Keycloak");
        assertThat(button.getHref()).isEqualTo("/sso/login");
        assertThat(button.getId()).contains("sso-login");
    }
}
