package org.patchcare.shared.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import org.patchcare.identity.application.SsoLoginOutcome;
import org.patchcare.identity.application.SsoSettings;
import org.patchcare.shared.security.PatchCareAuthenticationMechanism;

/** The login page. The form posts to /login, where the server-side authentication mechanism checks it. */
@Route("login")
@PageTitle("Log in · PatchCare")
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver {

    private final LoginForm form = new LoginForm();

    public LoginView() {
        this(SsoSettings.current());
    }

    /** With the SSO settings given (tests); the button shows only when SSO is on. */
    LoginView(SsoSettings sso) {
        addClassName("pc-login");
        setSizeFull();
        setAlignItems(FlexComponent.Alignment.CENTER);
        setJustifyContentMode(FlexComponent.JustifyContentMode.CENTER);

        LoginI18n i18n = LoginI18n.createDefault();
        i18n.getForm().setTitle("Log in to PatchCare");
        i18n.getErrorMessage().setTitle("Wrong username or password");
        i18n.getErrorMessage().setMessage("Check both and try again. After 30 minutes without activity you are logged out.");
        i18n.setAdditionalInformation("Medical-device inventory and patch tracking");
        form.setI18n(i18n);
        form.setForgotPasswordButtonVisible(false);
        form.setAction(PatchCareAuthenticationMechanism.LOGIN_PATH.substring(1));

        H1 brand = new H1("PatchCare");
        brand.addClassName("pc-brand");
        Paragraph tagline = new Paragraph("Know every device. Patch what matters first.");
        tagline.addClassName("pc-muted");
        add(new Div(brand, tagline), form);
        if (sso.enabled()) {
            // a plain link out of the Vaadin app: the companion WAR /sso sends the browser to the identity provider
            Anchor button = new Anchor(SSO_START, "Log in with " + sso.displayName());
            button.setRouterIgnore(true);
            button.setId("sso-login");
            button.addClassName("pc-sso-login");
            add(button);
        }
    }

    /** The companion WAR's entry point, secured by elytron-oidc-client (ADR 0018). */
    public static final String SSO_START = "/sso/login";

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var params = event.getLocation().getQueryParameters().getParameters();
        if (params.containsKey("locked")) {
            long minutes = 1;
            try {
                minutes = Math.max(1, Math.min(60, Long.parseLong(params.get("locked").getFirst())));
            } catch (NumberFormatException e) {
                // keep 1
            }
            LoginI18n i18n = LoginI18n.createDefault();
            i18n.getForm().setTitle("Log in to PatchCare");
            i18n.getErrorMessage().setTitle("Login paused");
            i18n.getErrorMessage().setMessage(org.patchcare.identity.application.LoginOutcome.lockedMessage(minutes));
            i18n.setAdditionalInformation("Medical-device inventory and patch tracking");
            form.setI18n(i18n);
            form.setError(true);
        } else if (params.containsKey("sso")) {
            SsoLoginOutcome.Result result = SsoLoginOutcome.Result.ofCode(params.get("sso").getFirst());
            LoginI18n i18n = LoginI18n.createDefault();
            i18n.getForm().setTitle("Log in to PatchCare");
            i18n.getErrorMessage().setTitle(result == SsoLoginOutcome.Result.NO_ROLE ? "No PatchCare role"
                    : "Single sign-on failed");
            i18n.getErrorMessage().setMessage(result.message() == null ? "" : result.message());
            i18n.setAdditionalInformation("Medical-device inventory and patch tracking");
            form.setI18n(i18n);
            form.setError(true);
        } else if (params.containsKey("error")) {
            form.setError(true);
        }
    }
}
