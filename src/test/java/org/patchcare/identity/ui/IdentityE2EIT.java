package org.patchcare.identity.ui;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Playwright;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.patchcare.it.BrowserFlow;
import org.patchcare.it.Browsers;
import org.patchcare.it.Deployments;
import org.patchcare.it.ItConfig;
import org.patchcare.it.Probe;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Identity screens in Chromium on the real server: a person locked out after five wrong passwords reads why and for how
 * long; an administrator creates an API token and sees its secret once; a person whose password an administrator
 * reset must choose a new one before anything else.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class IdentityE2EIT extends BrowserFlow {

    IdentityE2EIT() {
        super("identity-last");
    }

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.app();
    }

    @AfterAll
    static void forget_the_failed_logins_of_this_address() {
        Probe.as("admin").call("identity/clearLocks", "username", "-").value();
    }

    @Test
    void five_wrong_passwords_show_the_lockout_message_on_the_login_page() {
        String user = ownUser();
        playwright = Playwright.create();
        page = Browsers.newPage(playwright, 1280, 800);
        page.navigate(ItConfig.baseUrl() + "/login");
        for (int i = 1; i <= 5; i++) {
            submitLogin(user, "not my password " + i);
            page.waitForURL(url -> url.contains("?error") || url.contains("?locked"));
        }
        assertThat(page.url()).endsWith("/login?locked=1");
        Locator message = page.getByText("Too many failed attempts. Try again in 1 minute or ask an administrator.");
        message.waitFor();
        assertThat(message.isVisible()).isTrue();
        Browsers.screenshot(page, "login-locked");
        Probe.as("admin").call("identity/clearLocks", "username", user).value();
    }

    @Test
    void an_administrator_creates_a_token_and_sees_its_secret_only_once() throws Exception {
        String name = "CMMS " + UUID.randomUUID().toString().substring(0, 6);
        playwright = Playwright.create();
        page = Browsers.newPage(playwright, 1400, 900);
        Browsers.logIn(page, "admin");
        page.navigate(ItConfig.baseUrl() + "/admin/api-tokens");
        page.locator("#new-token").click();
        page.locator("#token-name input").fill(name);
        page.locator("#token-roles vaadin-checkbox").filter(new Locator.FilterOptions().setHasText("Biomedical technician"))
                .click();
        page.locator("#create-token").click();
        Locator secretField = page.locator("#token-secret input");
        secretField.waitFor();
        String secret = secretField.inputValue();
        assertThat(secret).startsWith("pct_").hasSize(47);
        assertThat(page.locator("#token-once-hint").innerText()).contains("only time");
        Browsers.screenshot(page, "api-token-created");

        // the token works for the API right away
        HttpResponse<String> r = ItConfig.http().send(HttpRequest.newBuilder(
                        URI.create(ItConfig.baseUrl() + "/api/v1/devices?limit=1"))
                .header("Authorization", "Bearer " + secret).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);

        page.locator("#token-copied").click();
        page.locator("#token-secret").waitFor(new Locator.WaitForOptions()
                .setState(com.microsoft.playwright.options.WaitForSelectorState.DETACHED));
        page.reload();
        page.locator("#token-grid").waitFor();
        Browsers.settle(page);
        assertThat(page.locator("#token-grid").innerText()).contains(name).contains(secret.substring(0, 12))
                .doesNotContain(secret);
        assertThat(page.content()).doesNotContain(secret);
        Browsers.screenshot(page, "api-tokens");
    }

    @Test
    void after_a_reset_the_person_must_choose_a_new_password_first() {
        String user = ownUser();
        String temporary = Probe.as("admin").call("identity/reset", "username", user).value().toString()
                .replace("\"", "");
        playwright = Playwright.create();
        page = Browsers.newPage(playwright, 1280, 800);
        page.navigate(ItConfig.baseUrl() + "/login");
        submitLogin(user, temporary);
        page.waitForURL(url -> url.endsWith("/account/password"));
        page.locator("#password-must-change").waitFor();
        // other screens forward here until the password is changed
        page.navigate(ItConfig.baseUrl() + "/devices");
        page.locator("#password-must-change").waitFor();
        Browsers.settle(page);
        Browsers.screenshot(page, "password-must-change");

        page.locator("#current-password input").fill(temporary);
        page.locator("#new-password input").fill("password1234");
        page.locator("#repeat-password input").fill("password1234");
        page.locator("#change-password").click();
        Locator refused = page.locator("#new-password [slot='error-message']")
                .filter(new Locator.FilterOptions().setHasText("commonly used passwords"));
        refused.waitFor();
        assertThat(refused.innerText()).isEqualTo("This password is on a list of commonly used passwords; choose another.");

        String chosen = "tulips by the canal " + UUID.randomUUID().toString().substring(0, 4);
        page.locator("#new-password input").fill(chosen);
        page.locator("#repeat-password input").fill(chosen);
        page.locator("#change-password").click();
        page.waitForURL(url -> !url.contains("/account/password"));
        page.navigate(ItConfig.baseUrl() + "/devices");
        Browsers.settle(page);
        assertThat(page.locator("#password-must-change").count()).isZero();
        assertThat(page.url()).endsWith("/devices");
        Probe.as("admin").call("identity/clearLocks", "username", user).value();
    }

    private void submitLogin(String user, String password) {
        page.locator("vaadin-login-form input[name='username']").fill(user);
        page.locator("vaadin-login-form input[name='password']").fill(password);
        page.locator("vaadin-login-form input[name='password']").press("Enter");
    }

    private static String ownUser() {
        String user = "e2e-" + UUID.randomUUID().toString().substring(0, 8);
        Probe.as("admin").call("fixture/user", "username", user, "role", "BIOMED_TECH").value();
        return user;
    }
}
