package org.patchcare.identity.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordPolicyTest {

    private final PasswordPolicy policy = PasswordPolicy.standard();

    @Test
    void accepts_a_long_passphrase_with_spaces_and_no_special_characters() {
        assertThat(policy.problems("correct pony battery staple", "jdoe", "Jane Doe")).isEmpty();
    }

    @Test
    void accepts_unicode_and_counts_characters_not_bytes() {
        assertThat(policy.problems("Grüße aus Zürich ☕", "jdoe", "Jane Doe")).isEmpty();
        assertThat(policy.problems("äöü☕éßñçøåæœ", "jdoe", "Jane Doe")).isEmpty(); // 12 code points
        assertThat(policy.problems("äöü☕éßñçøå", "jdoe", "Jane Doe")).singleElement().asString().contains("at least 12");
    }

    @Test
    void refuses_passwords_shorter_than_12_or_longer_than_128() {
        assertThat(policy.problems("short pass1", "jdoe", null)).singleElement().asString().contains("at least 12");
        assertThat(policy.problems("x".repeat(100) + "abcdefghijklmnopqrstuvwxyz0123", "jdoe", null))
                .singleElement().asString().contains("at most 128");
        assertThat(policy.problems("x".repeat(60) + "abcdefghijklmnopqrstuvwxyz0123", "jdoe", null)).isEmpty();
    }

    @Test
    void refuses_common_passwords_whatever_their_case() {
        assertThat(policy.problems("qwerty123456", "jdoe", null)).singleElement().asString().contains("commonly used");
        assertThat(policy.problems("1qaz2wsx3edc", "jdoe", null)).isNotEmpty();
        assertThat(policy.problems("QWERTY123456", "jdoe", null)).isNotEmpty();
    }

    @Test
    void refuses_too_few_different_characters() {
        assertThat(policy.problems("aaaaaaaaaaaaaaab", "jdoe", null)).singleElement().asString().contains("too few");
    }

    @Test
    void refuses_the_user_name_or_display_name_with_only_digits_or_signs_added() {
        assertThat(policy.problems("jsmith.2026!!!!", "jsmith", "John Smith")).singleElement().asString()
                .contains("user name or name");
        assertThat(policy.problems("Smith 1234 5678", "js", "John Smith")).isNotEmpty();
        assertThat(policy.problems("johnsmith123456", "js", "John Smith")).isNotEmpty();
        // the name plus other words is fine (the demo passwords are like this)
        assertThat(policy.problems("biomed-demo-2026", "biomed", "Biomed Tech")).isEmpty();
    }

    @Test
    void ships_tens_of_thousands_of_common_passwords() {
        assertThat(PasswordPolicy.load()).hasSizeGreaterThan(40_000).contains("123qweasdzxc");
    }
}
