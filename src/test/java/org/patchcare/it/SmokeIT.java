package org.patchcare.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SmokeIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.app();
    }

    @Test
    void login_page_answers_without_credentials() throws Exception {
        HttpResponse<String> r = ItConfig.http().send(ItConfig.request("/login", null, null).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
    }

    @Test
    void form_login_with_demo_password_redirects_to_the_app_and_a_wrong_one_back_to_login() throws Exception {
        HttpRequest ok = ItConfig.request("/login", null, null)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=biomed&password=" + ItConfig.password("biomed"))).build();
        HttpResponse<Void> r = ItConfig.http().send(ok, HttpResponse.BodyHandlers.discarding());
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/"));

        HttpRequest bad = ItConfig.request("/login", null, null)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=biomed&password=nope")).build();
        HttpResponse<Void> r2 = ItConfig.http().send(bad, HttpResponse.BodyHandlers.discarding());
        assertThat(r2.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
    }

    @Test
    void api_without_credentials_is_401_with_a_basic_challenge() throws Exception {
        HttpResponse<String> r = ItConfig.http().send(ItConfig.request("/api/v1/devices", null, null).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
    }
}
