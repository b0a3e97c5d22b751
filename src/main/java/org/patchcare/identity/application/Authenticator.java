package org.patchcare.identity.application;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.patchcare.identity.domain.Role;
import org.patchcare.identity.domain.User;
import org.patchcare.shared.security.PasswordHasher;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Checks a username and password against the users in the database. Used by the login mechanism only. */
@Stateless
@PermitAll
public class Authenticator {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    public Optional<AuthenticatedUser> authenticate(String username, char[] password, boolean recordLogin) {
        if (username == null || password == null || username.isBlank() || username.length() > User.USERNAME_MAX) {
            PasswordHasher.burn(password == null ? new char[0] : password);
            return Optional.empty();
        }
        List<User> found = em.createQuery("select u from User u where u.username = :u", User.class)
                .setParameter("u", username.trim().toLowerCase(java.util.Locale.ROOT))
                .getResultList();
        if (found.isEmpty()) {
            PasswordHasher.burn(password);
            return Optional.empty();
        }
        User user = found.getFirst();
        if (!PasswordHasher.verify(password, user.getPasswordHash()) || !user.isEnabled()) {
            return Optional.empty();
        }
        if (recordLogin) {
            user.setLastLoginAt(clock.instant());
        }
        return Optional.of(new AuthenticatedUser(user.getUsername(), user.getDisplayName(),
                user.getRoles().stream().map(Role::name).collect(Collectors.toUnmodifiableSet())));
    }
}
