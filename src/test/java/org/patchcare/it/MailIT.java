package org.patchcare.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * notify() on the real server → mail outbox → MailJob → SMTP (GreenMail in this JVM, see {@link Mailbox}): the mail
 * arrives with the prefixed subject, the UTF-8 body and the absolute deep link; a rolled-back notify sends nothing.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MailIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.app();
    }

    @BeforeAll
    static void smtp() {
        Mailbox.start();
    }

    @Test
    void a_notification_is_mailed_to_the_recipient_with_its_deep_link() {
        String subject = "Approval needed: Infusionspumpe Größe " + UUID.randomUUID();
        Probe.as("admin").call("fixture/notify", "recipient", "biomed", "subject", subject,
                "body", "Bitte prüfen ✓ «ICU-7»", "link", "controls").value();

        Mailbox.Mail m = Mailbox.await(Mailbox.demoAddress("biomed"), subject);

        assertThat(m.subject()).isEqualTo("[PatchCare] " + subject);
        assertThat(m.from()).isEqualTo("patchcare@it.example");
        assertThat(m.contentType()).startsWith("text/plain").containsIgnoringCase("UTF-8");
        assertThat(m.text()).startsWith("Bitte prüfen ✓ «ICU-7»");
        assertThat(m.deepLink()).isEqualTo(ItConfig.baseUrl() + "/controls");
        assertThat(Probe.as("biomed").call("fixture/myNotifications").array().toString()).contains(subject);
    }

    @Test
    void a_notification_whose_transaction_rolls_back_sends_no_mail() {
        String run = UUID.randomUUID().toString();
        Probe.as("admin").call("fixture/notifyThenRollback", "recipient", "manager", "subject", "rolled back " + run)
                .value();
        Probe.as("admin").call("fixture/notify", "recipient", "manager", "subject", "committed " + run).value();

        // the outbox is sent oldest first: once the later, committed one is here, the rolled-back one would be too
        Mailbox.await(Mailbox.demoAddress("manager"), "committed " + run);
        assertThat(Mailbox.received(Mailbox.demoAddress("manager"), "rolled back " + run)).isFalse();
        assertThat(Probe.as("manager").call("fixture/myNotifications").array().toString())
                .contains("committed " + run).doesNotContain("rolled back " + run);
    }
}
