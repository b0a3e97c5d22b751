package org.patchcare.shared.api;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextIntegrityInterceptorTest {

    @Test
    void finds_unpaired_surrogates_only() {
        assertThat(TextIntegrityInterceptor.hasUnpairedSurrogate("plain, ÄÖ, \u200b, \0")).isFalse();
        assertThat(TextIntegrityInterceptor.hasUnpairedSurrogate("emoji \ud83d\udc89 pair")).isFalse();
        assertThat(TextIntegrityInterceptor.hasUnpairedSurrogate("high \ud800 alone")).isTrue();
        assertThat(TextIntegrityInterceptor.hasUnpairedSurrogate("low \udc00 alone")).isTrue();
        assertThat(TextIntegrityInterceptor.hasUnpairedSurrogate("at the end \ud83d")).isTrue();
        assertThat(TextIntegrityInterceptor.hasUnpairedSurrogate("reversed \udc89\ud83d")).isTrue();
    }
}
