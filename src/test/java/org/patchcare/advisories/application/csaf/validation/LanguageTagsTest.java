package org.patchcare.advisories.application.csaf.validation;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** BCP 47 language tags against the IANA registry (tests 6.1.12, 6.2.14, 6.2.15). */
class LanguageTagsTest {

    private static final LanguageTags TAGS = new LanguageTags();

    @ParameterizedTest
    @ValueSource(strings = {"en", "EN-us", "de-DE", "zh-Hant-TW", "sr-Latn-RS", "zh-yue-HK", "de-CH-1901",
            "sl-rozaj-biske", "es-419", "en-US-u-ca-gregory", "en-x-internal", "x-private", "i-default",
            "sgn-BE-FR", "qaa", "tlh"})
    void accepts_well_formed_tags_whose_subtags_are_registered(String tag) {
        assertThat(TAGS.isValid(tag)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"EZ", "xx", "en-ZQ1", "de-Latx", "en-US-US", "zh-yue-min-HK", "fr-1901", "de-DE-1901-1901",
            "en-a-foo", "en-u-ca-u-nu", "english", "en_US", ""})
    void refuses_tags_that_are_malformed_or_use_unregistered_subtags(String tag) {
        assertThat(TAGS.isValid(tag)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"qtx", "en-Qaaa", "en-AA", "de-QM", "x-private", "en-x-internal"})
    void recognises_subtags_reserved_for_private_use(String tag) {
        assertThat(TAGS.usesPrivateSubtag(tag)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "de-DE", "zh-Hant-TW", "i-default"})
    void public_tags_use_no_private_subtag(String tag) {
        assertThat(TAGS.usesPrivateSubtag(tag)).isFalse();
    }
}
