package org.patchcare.planning.domain;

/** Where a planning run is: solving on a node, finished at its time limit, stopped early, or failed (or its node died). */
public enum RunStatus {
    SOLVING, FINISHED, STOPPED, FAILED;

    public boolean done() {
        return this != SOLVING;
    }
}
