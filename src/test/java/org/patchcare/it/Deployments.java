package org.patchcare.it;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.File;

/**
 * The WAR under test: exactly what the build packaged (target/patchcare.war), plus the test helpers in
 * org.patchcare.it (e.g. the role-probe servlet). Deployed at "/" by its jboss-web.xml.
 */
public final class Deployments {

    private Deployments() {
    }

    public static WebArchive app() {
        File war = new File("target/patchcare.war");
        if (!war.isFile()) {
            throw new IllegalStateException("target/patchcare.war is missing; run the tests through Maven (./mvnw verify)");
        }
        return ShrinkWrap.create(ZipImporter.class, "patchcare.war").importFrom(war).as(WebArchive.class)
                .addPackage(Deployments.class.getPackage());
    }
}
