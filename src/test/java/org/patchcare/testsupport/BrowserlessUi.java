package org.patchcare.testsupport;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** {@code @ExtendWith(BrowserlessUi.class)}: a fresh browserless Vaadin UI (Karibu) around each test of a view test. */
public class BrowserlessUi implements BeforeEachCallback, AfterEachCallback {

    @Override
    public void beforeEach(ExtensionContext context) {
        MockVaadin.setup();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        MockVaadin.tearDown();
    }
}
