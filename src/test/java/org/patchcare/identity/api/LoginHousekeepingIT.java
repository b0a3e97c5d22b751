package org.patchcare.identity.api;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.patchcare.it.Deployments;
import org.patchcare.it.ItConfig;
import org.patchcare.it.Mailbox;
import org.patchcare.it.Probe;
import org.patchcare.shared.api.Api;
import org.patchcare.shared.api.Api.Reply;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The identity leftovers of issue 7 on the real server: old failed-login counters are forgotten by the cleanup (and
 * a current lockout survives it), the owner of a locked account is told once per lockout by mail, an unknown name
 * gets the same answer and no mail, and lockouts are counted in /metrics. Uses users of its own.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LoginHousekeepingIT {

    private static final int THREE_DAYS = 3 * 24 * 60;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.app();
    }

    @BeforeAll
    static void start_the_mailbox() {
        Mailbox.start();
    }

    /** The failed logins of this class count against the test's address too; later classes must not inherit them. */
    @AfterAll
    static void forget_the_failed_logins_of_this_address() {
        Probe.as("admin").call("identity/clearLocks", "username", "-").value();
    }

    @Test
    void the_cleanup_forgets_only_counters_that_no_longer_count_and_a_current_lockout_survives_it() {
        String prefix = "user:hk-" + suffix() + "-";
        add(prefix + "old", THREE_DAYS, null);               // last failure 3 days ago, lock long over: forgotten
        add(prefix + "recent", 60, null);                    // an hour ago: still counts towards the next lock
        add(prefix + "day", 25 * 60, null);                  // a day and an hour ago: inside the margin, kept
        add(prefix + "old-but-locked", THREE_DAYS, 600);     // still locked (whatever its age): kept
        String locked = ownUser("hk-" + suffix(), null);
        for (int i = 1; i <= 5; i++) {
            basic(locked, "wrong password " + i);
        }
        assertThat(basic(locked, ItConfig.password(locked)).json().getString("detail"))
                .startsWith("Too many failed attempts");

        assertThat(Probe.as("biomed").call("identity/prune").ok()).as("only administrators (the job) prune").isFalse();
        assertThat(Integer.parseInt(Probe.as("admin").call("identity/prune").value().toString())).isGreaterThanOrEqualTo(1);

        assertThat(keys(prefix)).containsExactly(prefix + "day", prefix + "old-but-locked", prefix + "recent");
        assertThat(keys("user:" + locked)).containsExactly("user:" + locked);
        Reply still = basic(locked, ItConfig.password(locked));
        assertThat(still.status()).isEqualTo(401);
        assertThat(still.json().getString("detail")).as("the lockout outlives the cleanup")
                .startsWith("Too many failed attempts");
        Probe.as("admin").call("identity/clearLocks", "username", locked).value();
    }

    @Test
    void the_owner_is_mailed_once_per_lockout_and_an_unknown_name_gets_the_same_answer_and_no_mail() throws Exception {
        String user = "hk-" + suffix();
        String address = user + "@it.example";
        ownUser(user, address);

        Reply fifth = null;
        for (int i = 1; i <= 5; i++) {
            fifth = basic(user, "wrong password " + i);
        }
        Mailbox.Mail mail = Mailbox.await(address, "account was locked");
        assertThat(mail.subject()).contains("Your PatchCare account was locked");
        assertThat(mail.text())
                .containsPattern("^Your PatchCare account was locked after 5 failed logins from \\S+ at "
                        + "\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} \\([\\w/+-]+\\); if this was not you, tell IT security\\.")
                .doesNotContain("wrong password");

        // while locked: more tries (right and wrong) lock nothing new and mail nothing
        basic(user, ItConfig.password(user));
        basic(user, "wrong password 6");
        // the next lockout, after the first ended, is the second mail, and the only other one
        Probe.as("admin").call("identity/endLock", "username", user).value();
        for (int i = 1; i <= 5; i++) {
            basic(user, "wrong again " + i);
        }
        long end = System.nanoTime() + Mailbox.WAIT.toNanos();
        while (lockMails(address) < 2 && System.nanoTime() < end) {
            Thread.sleep(200);
        }
        assertThat(lockMails(address)).isEqualTo(2);

        // an unknown name: the same answer at its fifth failure; nobody to mail
        String nobody = "nobody-" + suffix();
        Reply unknown = null;
        for (int i = 1; i <= 5; i++) {
            unknown = basic(nobody, "guess " + i);
        }
        assertThat(unknown.status()).isEqualTo(fifth.status());
        assertThat(unknown.json().getString("detail")).isEqualTo(fifth.json().getString("detail"));
        assertThat(Mailbox.mailsFor(nobody + "@it.example")).isEmpty();

        HttpResponse<String> metrics = ItConfig.http().send(ItConfig.request("/metrics", null, null).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        java.util.regex.Matcher lockouts = java.util.regex.Pattern
                .compile("(?m)^patchcare_login_lockouts_total\\{key=\"user\"} (\\d+)$").matcher(metrics.body());
        assertThat(lockouts.find()).as(metrics.body()).isTrue();
        assertThat(Long.parseLong(lockouts.group(1))).as("this test's three user lockouts at least").isGreaterThanOrEqualTo(3);

        Probe.as("admin").call("identity/clearLocks", "username", user).value();
        Probe.as("admin").call("identity/clearLocks", "username", nobody).value();
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    private static void add(String key, int ageMinutes, Integer lockedMinutes) {
        Probe.Answer a = lockedMinutes == null
                ? Probe.as("admin").call("identity/attempt", "key", key, "ageMinutes", Integer.toString(ageMinutes))
                : Probe.as("admin").call("identity/attempt", "key", key, "ageMinutes", Integer.toString(ageMinutes),
                        "lockedMinutes", Integer.toString(lockedMinutes));
        assertThat(a.ok()).as(a.toString()).isTrue();
    }

    private static List<String> keys(String prefix) {
        return Probe.as("admin").call("identity/attemptKeys", "prefix", prefix).array().stream()
                .map(v -> ((jakarta.json.JsonString) v).getString()).toList();
    }

    private static long lockMails(String address) {
        return Mailbox.mailsFor(address).stream().filter(m -> m.subject().contains("account was locked")).count();
    }

    private static String ownUser(String user, String email) {
        if (email == null) {
            Probe.as("admin").call("fixture/user", "username", user, "role", "BIOMED_TECH").value();
        } else {
            Probe.as("admin").call("fixture/user", "username", user, "role", "BIOMED_TECH", "email", email).value();
        }
        return user;
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
    }

    private static Reply basic(String user, String password) {
        try {
            HttpResponse<String> r = ItConfig.http().send(ItConfig.request(Api.BASE + "/devices?limit=1", user, password)
                    .header("Accept", "application/json, application/problem+json").build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.headers(), r.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
