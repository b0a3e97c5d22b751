package org.patchcare.identity.application;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.patchcare.inventory.application.OrganisationService;
import org.patchcare.notifications.application.NotificationService;
import org.patchcare.shared.domain.Roles;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Tells the owner of an account that it was locked (ASVS 2.2.3): one message per lockout, through the notifications
 * (in-app, and a mail through the outbox, ADR 11) when the user has an e-mail address. Called by the login only for a
 * user that exists; the login's answer is the same either way, so an unknown name learns nothing. Runs as
 * administrator because nobody is logged in yet; in a transaction of its own, so a failure here never undoes the
 * lockout itself.
 */
@Stateless
@PermitAll
@RunAs(Roles.ADMIN)
public class LockoutNotice {

    public static final String SUBJECT = "Your PatchCare account was locked";
    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    @PersistenceContext
    EntityManager em;
    @Inject
    NotificationService notifications;
    @Inject
    OrganisationService organisation;

    /** {@code username} was locked at {@code at} after {@code failures} failed logins, the last from {@code address}. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void lockedOut(String username, int failures, String address, Instant at) {
        String email = em.createQuery("select u.email from User u where u.username = :u", String.class)
                .setParameter("u", username).getResultStream().findFirst().orElse(null);
        if (email == null || email.isBlank()) {
            return;
        }
        notifications.notify(username, SUBJECT, text(failures, address, at, organisation.homeZone()), null);
    }

    static String text(int failures, String address, Instant at, ZoneId zone) {
        return "Your PatchCare account was locked after " + failures + " failed logins from "
                + (address == null || address.isBlank() ? "an unknown address" : address) + " at "
                + AT.format(at.atZone(zone)) + " (" + zone.getId() + "); if this was not you, tell IT security.";
    }
}
