package org.patchcare.downtime.domain;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.patchcare.downtime.domain.ChangeRequestStatus.*;

/** Every pair of states (11 × 11): the legal moves as the issue lists them, and the message of every illegal one. */
class ChangeRequestStatusTest {

    /** The workflow as issue 5 states it, written out independently of the enum's table. */
    private static final Map<ChangeRequestStatus, Set<ChangeRequestStatus>> LEGAL = Map.ofEntries(
            Map.entry(DRAFT, Set.of(SUBMITTED, CANCELLED)),
            Map.entry(SUBMITTED, Set.of(APPROVED, REJECTED, DRAFT, CANCELLED, EXPIRED)),
            Map.entry(APPROVED, Set.of(SCHEDULED, CANCELLED, EXPIRED)),
            Map.entry(SCHEDULED, Set.of(IN_PROGRESS, CANCELLED, EXPIRED)),
            Map.entry(IN_PROGRESS, Set.of(COMPLETED, FAILED)),
            Map.entry(FAILED, Set.of(ROLLED_BACK)),
            Map.entry(COMPLETED, Set.of()),
            Map.entry(ROLLED_BACK, Set.of()),
            Map.entry(REJECTED, Set.of()),
            Map.entry(CANCELLED, Set.of()),
            Map.entry(EXPIRED, Set.of()));

    static Stream<Arguments> pairs() {
        List<Arguments> out = new ArrayList<>();
        for (ChangeRequestStatus from : values()) {
            for (ChangeRequestStatus to : values()) {
                out.add(Arguments.of(from, to));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("pairs")
    void each_pair_of_states_is_allowed_exactly_when_the_workflow_says_so(ChangeRequestStatus from,
                                                                          ChangeRequestStatus to) {
        assertThat(from.canBecome(to)).isEqualTo(LEGAL.get(from).contains(to));
        assertThat(from.isFinal()).isEqualTo(LEGAL.get(from).isEmpty());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("pairs")
    void moving_a_request_follows_the_table_and_an_illegal_move_says_what_is_possible(ChangeRequestStatus from,
                                                                                      ChangeRequestStatus to) {
        ChangeRequest cr = ChangeRequestTest.requestIn(from);
        int before = cr.getTransitions().size();
        if (LEGAL.get(from).contains(to)) {
            cr.move(to, "biomed", Instant.parse("2026-12-01T10:00:00Z"), "because");
            assertThat(cr.getStatus()).isEqualTo(to);
            var last = cr.getTransitions().getLast();
            assertThat(last.getFrom()).isEqualTo(from);
            assertThat(last.getTo()).isEqualTo(to);
            assertThat(last.getActor()).isEqualTo("biomed");
            assertThat(last.getComment()).isEqualTo("because");
        } else {
            String expected = "A change request that is " + from.label().toLowerCase() + " cannot become "
                    + to.label().toLowerCase() + ". " + (LEGAL.get(from).isEmpty()
                    ? "It is finished; create a new request if more work is needed."
                    : "From here it can become: " + String.join(", ", LEGAL.get(from).stream()
                    .map(s -> s.label().toLowerCase()).sorted().toList()) + ".");
            assertThatThrownBy(() -> cr.move(to, "biomed", Instant.now(), null))
                    .isInstanceOf(IllegalTransitionException.class).hasMessage(expected);
            assertThat(cr.getStatus()).isEqualTo(from);
            assertThat(cr.getTransitions()).hasSize(before);
        }
    }
}
