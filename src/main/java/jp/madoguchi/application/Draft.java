package jp.madoguchi.application;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * 申請の下書き — what a resident has typed so far for one or more procedures (raw strings per field, per procedure),
 * kept so they can stop and resume.
 *
 * @param raw per procedure code: the raw values by field id (see {@link FormInput})
 * @param currentStep the step (across all procedures' forms) the resident was on
 */
public record Draft(UUID id, String ownerProvider, String ownerSubject, List<String> procedures,
        Map<String, Map<String, Object>> raw, int currentStep, Instant createdAt, Instant updatedAt,
        Long submittedApplicationId) {

    public Map<String, Object> rawOf(String procedure) {
        return raw.getOrDefault(procedure, Map.of());
    }

    public boolean submitted() {
        return submittedApplicationId != null;
    }
}
