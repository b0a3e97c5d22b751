package org.patchcare.planning.domain;

import ai.timefold.solver.core.api.score.stream.ConstraintJustification;

import java.util.List;

/**
 * Why a constraint matched, in words for a person, naming the devices it concerns (by asset tag) so each proposal
 * can show its own explanations.
 */
public record Finding(String constraint, List<String> assetTags, String text) implements ConstraintJustification {

    public Finding {
        assetTags = List.copyOf(assetTags);
    }

    public static Finding of(String constraint, PlanTask task, String text) {
        return new Finding(constraint, List.of(task.getAssetTag()), text);
    }
}
