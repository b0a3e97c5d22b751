package org.patchcare.identity.application;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.patchcare.audit.application.AuditService;
import org.patchcare.identity.domain.User;
import org.patchcare.shared.domain.InvalidInputException;
import org.patchcare.shared.domain.Roles;
import org.patchcare.shared.security.CurrentUser;
import org.patchcare.shared.security.PasswordHasher;

import java.time.Clock;

/** What every logged-in person does to their own account: change their password (knowing the current one). */
@Stateless
@RolesAllowed({Roles.BIOMED_TECH, Roles.CLINICAL_MANAGER, Roles.IT_SECURITY, Roles.ADMIN})
public class AccountService {

    @PersistenceContext
    EntityManager em;
    @Inject
    Clock clock;
    @Inject
    CurrentUser currentUser;
    @Inject
    AuditService audit;
    @Inject
    jakarta.enterprise.event.Event<UserAccessChanged> accessChanged;

    /**
     * Changes the caller's password; answers the new credential stamp (the caller's session keeps it, so this session
     * stays logged in while the caller's other sessions end). API tokens have no password to change.
     */
    public String changePassword(String currentPassword, String newPassword) {
        User u = em.createQuery("select u from User u where u.username = :u", User.class)
                .setParameter("u", currentUser.username()).getResultStream().findFirst()
                .orElseThrow(() -> new InvalidInputException("currentPassword", "only people have a password to change"));
        if (currentPassword == null || !PasswordHasher.verify(currentPassword.toCharArray(), u.getPasswordHash())) {
            throw new InvalidInputException("currentPassword", "this is not your current password");
        }
        if (newPassword != null && newPassword.equals(currentPassword)) {
            throw new InvalidInputException("newPassword", "choose a password different from the current one");
        }
        UserService.checkPolicy("newPassword", newPassword, u.getUsername(), u.getDisplayName());
        u.changePassword(PasswordHasher.hash(newPassword.toCharArray()), false, clock.instant());
        u.touch(currentUser.username(), clock.instant());
        audit.event("User", u.getUsername(), "password changed", "by the user");
        accessChanged.fire(new UserAccessChanged(u.getUsername()));
        return Authenticator.stamp(u.getPasswordHash());
    }
}
