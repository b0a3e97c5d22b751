package org.patchcare.shared.security;

import org.junit.jupiter.api.Test;

import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordHasherTest {

    private static final String PASSWORD = "biomed-demo-2026";

    @Test
    void the_right_password_verifies_and_a_wrong_one_does_not() {
        String stored = PasswordHasher.hash(PASSWORD.toCharArray());
        assertThat(PasswordHasher.verify(PASSWORD.toCharArray(), stored)).isTrue();
        assertThat(PasswordHasher.verify("biomed-demo-2025".toCharArray(), stored)).isFalse();
        assertThat(PasswordHasher.verify("".toCharArray(), stored)).isFalse();
        assertThat(PasswordHasher.verify(PASSWORD.toUpperCase().toCharArray(), stored)).isFalse();
    }

    @Test
    void the_same_password_hashed_twice_gets_different_salts_and_hashes_that_both_verify() {
        String a = PasswordHasher.hash(PASSWORD.toCharArray());
        String b = PasswordHasher.hash(PASSWORD.toCharArray());
        assertThat(a).isNotEqualTo(b);
        assertThat(a.split("\\$")[2]).isNotEqualTo(b.split("\\$")[2]);
        assertThat(PasswordHasher.verify(PASSWORD.toCharArray(), a)).isTrue();
        assertThat(PasswordHasher.verify(PASSWORD.toCharArray(), b)).isTrue();
    }

    @Test
    void stored_form_is_algorithm_iterations_salt_and_hash_and_fits_the_column() {
        String stored = PasswordHasher.hash(PASSWORD.toCharArray());
        String[] parts = stored.split("\\$");
        assertThat(parts).hasSize(4);
        assertThat(parts[0]).isEqualTo("pbkdf2-sha256");
        assertThat(Integer.parseInt(parts[1])).isEqualTo(PasswordHasher.ITERATIONS).isGreaterThanOrEqualTo(310_000);
        assertThat(Base64.getDecoder().decode(parts[2])).hasSize(16);
        assertThat(Base64.getDecoder().decode(parts[3])).hasSize(32);
        assertThat(stored.length()).isLessThanOrEqualTo(255); // app_user.password_hash
    }

    @Test
    void the_stored_form_never_contains_the_password() {
        String stored = PasswordHasher.hash(PASSWORD.toCharArray());
        assertThat(stored).doesNotContain(PASSWORD).doesNotContain("biomed");
        assertThat(stored).doesNotContain(Base64.getEncoder().withoutPadding().encodeToString(PASSWORD.getBytes()));
    }

    @Test
    void the_iteration_count_is_read_from_the_stored_hash_so_it_can_be_raised_later() {
        byte[] salt = new byte[16];
        String old = PasswordHasher.hash(PASSWORD.toCharArray(), salt, 1_000);
        assertThat(old).startsWith("pbkdf2-sha256$1000$");
        assertThat(PasswordHasher.verify(PASSWORD.toCharArray(), old)).isTrue();
        assertThat(PasswordHasher.verify("wrong".toCharArray(), old)).isFalse();
    }

    @Test
    void malformed_or_missing_hashes_never_verify() {
        assertThat(PasswordHasher.verify(PASSWORD.toCharArray(), null)).isFalse();
        assertThat(PasswordHasher.verify(PASSWORD.toCharArray(), "")).isFalse();
        assertThat(PasswordHasher.verify(PASSWORD.toCharArray(), PASSWORD)).isFalse();
        assertThat(PasswordHasher.verify(PASSWORD.toCharArray(), "md5$1$abc$def")).isFalse();
    }
}
