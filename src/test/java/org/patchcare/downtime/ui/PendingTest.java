package org.patchcare.downtime.ui;

import jakarta.ejb.EJBException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Screens render empty while a service shell is unfinished, and still report every other failure. */
class PendingTest {

    @Test
    void a_shell_wrapped_by_the_container_gives_the_fallback_and_says_so() {
        List<String> noted = new ArrayList<>();
        List<String> answer = Pending.orElse(() -> {
            throw new EJBException(new UnsupportedOperationException("in progress"));
        }, List.of(), () -> noted.add("pending"));
        assertThat(answer).isEmpty();
        assertThat(noted).containsExactly("pending");
    }

    @Test
    void other_failures_go_on_to_the_error_handler() {
        assertThatThrownBy(() -> Pending.orElse(() -> {
            throw new EJBException(new IllegalStateException("database down"));
        }, List.of(), () -> {
        })).isInstanceOf(EJBException.class);
    }
}
