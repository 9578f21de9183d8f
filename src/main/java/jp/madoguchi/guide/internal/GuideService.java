package jp.madoguchi.guide.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.madoguchi.catalog.ApplicableProcedure;
import jp.madoguchi.catalog.Catalog;
import jp.madoguchi.catalog.CatalogVersion;
import jp.madoguchi.catalog.CatalogVersions;
import jp.madoguchi.catalog.LifeEvent;
import jp.madoguchi.catalog.Rule;
import jp.madoguchi.kit.OfficeCalendar;
import jp.madoguchi.platform.TenantContext;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

/**
 * The guide's access to the catalog in force for a municipality, and the shareable result link: the link names the
 * catalog version, the life event and the rules that fired — no answers, no dates, nothing personal.
 */
@Service
class GuideService {

    /** A municipality's catalog in force today, with its version. */
    record InForce(CatalogVersion version, Catalog catalog) {

        /** The life event {@code code}; 404 with a Japanese reason when the catalog has none. */
        LifeEvent event(String code) {
            return catalog.event(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                    "ライフイベント「" + code + "」はありません"));
        }
    }

    private final CatalogVersions versions;
    private final Clock clock;
    private final OfficeCalendar calendar = OfficeCalendar.standard();

    GuideService(CatalogVersions versions, Clock clock) {
        this.versions = versions;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    OfficeCalendar calendar() {
        return calendar;
    }

    Optional<InForce> inForce(String municipalityCode) {
        return TenantContext.callAs(municipalityCode, () -> versions.inForce(today())
                .map(v -> new InForce(v, versions.catalog(v.id()))));
    }

    /** The token of a shareable result: version id, event code and the indexes of the rules that fired. */
    String shareToken(long versionId, LifeEvent event, List<ApplicableProcedure> procedures) {
        List<String> indexes = new ArrayList<>();
        for (ApplicableProcedure p : procedures) {
            for (Rule r : p.rules()) {
                indexes.add(Integer.toString(event.rules().indexOf(r) + 1));
            }
        }
        String payload = "1." + versionId + "." + event.code() + "." + String.join("-", indexes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.US_ASCII));
    }

    /** A shared result: the catalog version's event and the procedures the rules named, or empty if malformed. */
    record Shared(Catalog catalog, LifeEvent event, List<ApplicableProcedure> procedures) {
    }

    Optional<Shared> shared(String municipalityCode, String token) {
        String payload;
        try {
            payload = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.US_ASCII);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        String[] parts = payload.split("\\.", 4);
        if (parts.length != 4 || !parts[0].equals("1") || !parts[1].matches("\\d{1,18}")
                || !parts[3].matches("(\\d{1,4}(-\\d{1,4})*)?")) {
            return Optional.empty();
        }
        long versionId = Long.parseLong(parts[1]);
        return TenantContext.callAs(municipalityCode, () -> versions.version(versionId)
                .filter(v -> v.status() == CatalogVersion.Status.PUBLISHED)
                .flatMap(v -> {
                    Catalog catalog = versions.catalog(v.id());
                    LifeEvent event = catalog.event(parts[2]).orElse(null);
                    if (event == null) {
                        return Optional.empty();
                    }
                    Map<String, List<Rule>> byProcedure = new LinkedHashMap<>();
                    for (String index : parts[3].isEmpty() ? new String[0] : parts[3].split("-")) {
                        int i = Integer.parseInt(index) - 1;
                        if (i < 0 || i >= event.rules().size()) {
                            return Optional.empty();
                        }
                        Rule r = event.rules().get(i);
                        byProcedure.computeIfAbsent(r.procedure(), k -> new ArrayList<>()).add(r);
                    }
                    List<ApplicableProcedure> procedures = new ArrayList<>();
                    byProcedure.forEach((code, rules) -> catalog.procedure(code).ifPresent(
                            p -> procedures.add(new ApplicableProcedure(p, rules, List.of(), Optional.empty()))));
                    return Optional.of(new Shared(catalog, event, procedures));
                }));
    }
}
