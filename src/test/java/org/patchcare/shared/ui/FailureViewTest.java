package org.patchcare.shared.ui;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.Route;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.Set;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A screen that cannot reach the database says so in plain words instead of Vaadin's internal-error page. */
class FailureViewTest {

    @Route("failing-db")
    @AnonymousAllowed
    public static class DatabaseDown extends Div {
        public DatabaseDown() {
            throw new IllegalStateException("query failed", new SQLException("Communications link failure", "08S01"));
        }
    }

    @Route("failing-bug")
    @AnonymousAllowed
    public static class Bug extends Div {
        public Bug() {
            throw new IllegalStateException("a bug");
        }
    }

    @BeforeEach
    void setUp() {
        Routes routes = new Routes(Set.of(DatabaseDown.class, Bug.class), Set.of(FailureView.class), true);
        MockVaadin.setup(routes);
    }

    @AfterEach
    void tearDown() {
        MockVaadin.tearDown();
    }

    @Test
    void aLostDatabaseIsNamedAndTheUserMayRetry() {
        UI.getCurrent().navigate("failing-db");
        assertEquals("The database is unavailable", _get(H2.class, s -> s.withId("failure-title")).getText());
        assertTrue(_get(Paragraph.class, s -> s.withId("failure-text")).getText().contains("reconnects by itself"));
    }

    @Test
    void anyOtherFailureGetsTheGeneralSentence() {
        UI.getCurrent().navigate("failing-bug");
        assertEquals("This page could not be opened", _get(H2.class, s -> s.withId("failure-title")).getText());
        assertTrue(_get(Paragraph.class, s -> s.withId("failure-text")).getText().startsWith("Something went wrong"));
    }
}
