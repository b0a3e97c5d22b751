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

    // ---- Operations (issue 7): health and metrics on the application port, without a login ----------------------

    @Test
    void health_and_metrics_answer_without_a_login_and_every_response_carries_a_request_id() throws Exception {
        HttpResponse<String> ready = ItConfig.http().send(ItConfig.request("/health/ready", null, null)
                .header("X-Request-Id", "smoke-check-1").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).contains("\"status\":\"UP\"").contains("{\"name\":\"database\",\"status\":\"UP\"}");
        assertThat(ready.headers().firstValue("X-Request-Id")).hasValue("smoke-check-1");
        HttpResponse<String> live = ItConfig.http().send(ItConfig.request("/health/live", null, null).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(live.statusCode()).isEqualTo(200);
        assertThat(live.headers().firstValue("X-Request-Id")).isPresent();

        HttpResponse<String> metrics = ItConfig.http().send(ItConfig.request("/metrics", null, null).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("text/plain; version=0.0.4"));
        assertThat(metrics.body())
                .contains("patchcare_http_requests_total{method=\"GET\",route=\"/health/ready\",status=\"200\"}")
                .contains("patchcare_database_up 1")
                // request times as a histogram: cumulative buckets up to +Inf (Prometheus' histogram_quantile)
                .contains("# TYPE patchcare_http_request_duration_seconds histogram")
                .contains("patchcare_http_request_duration_seconds_bucket{method=\"GET\",route=\"/health/ready\",le=\"0.005\"}")
                .contains("patchcare_http_request_duration_seconds_bucket{method=\"GET\",route=\"/health/ready\",le=\"+Inf\"}")
                // the queue counts run on this database too (H2 and MariaDB)
                .contains("patchcare_queue_size{queue=\"work_queue\"}")
                .contains("patchcare_queue_size{queue=\"change_approval\"}");
    }
}
