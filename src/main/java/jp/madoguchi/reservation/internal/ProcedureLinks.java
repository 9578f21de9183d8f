package jp.madoguchi.reservation.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.madoguchi.catalog.ApplicantType;
import jp.madoguchi.catalog.Catalog;
import jp.madoguchi.catalog.CatalogVersions;
import jp.madoguchi.catalog.Procedure;
import org.springframework.stereotype.Component;

/**
 * The link between reservation services and the procedure catalog (手続カタログ) of the current municipality: the
 * catalog in force today (whose codes a service may name) and what to bring for each service. Callers hold the
 * transaction (the catalog versions are tenant data).
 */
@Component
class ProcedureLinks {

    private final CatalogVersions versions;
    private final Clock clock;

    ProcedureLinks(CatalogVersions versions, Clock clock) {
        this.versions = versions;
        this.clock = clock;
    }

    /** The current municipality's catalog in force today (JST), if one is published. */
    Optional<Catalog> catalog() {
        return versions.catalogInForce(LocalDate.now(clock.withZone(SlotCalendar.JAPAN)));
    }

    /** What to bring for each service, by service code, from one read of the catalog. */
    Map<String, WhatToBring> whatToBring(List<Settings.Service> services) {
        Optional<Catalog> catalog = services.stream().anyMatch(s -> !s.procedureCodes().isEmpty()) ? catalog()
                : Optional.empty();
        Map<String, WhatToBring> out = new LinkedHashMap<>();
        for (Settings.Service s : services) {
            out.put(s.code(), whatToBring(s, catalog));
        }
        return out;
    }

    static WhatToBring whatToBring(Settings.Service service, Optional<Catalog> catalog) {
        List<WhatToBring.ProcedureItems> items = new ArrayList<>();
        for (String code : service.procedureCodes()) {
            catalog.flatMap(c -> c.procedure(code)).ifPresent(p -> items.add(items(p)));
        }
        return new WhatToBring(items, service.whatToBring());
    }

    private static WhatToBring.ProcedureItems items(Procedure p) {
        List<WhatToBring.Group> groups = new ArrayList<>();
        Map<ApplicantType, List<String>> byApplicant = p.bringByApplicant();
        if (byApplicant.isEmpty() && !p.bringAll().isEmpty()) {
            groups.add(new WhatToBring.Group(ApplicantType.SELF.label(), p.bringAll()));
        }
        byApplicant.forEach((type, list) -> {
            if (!list.isEmpty()) {
                groups.add(new WhatToBring.Group(type.label(), list));
            }
        });
        return new WhatToBring.ProcedureItems(p.code(), p.name(), groups);
    }
}
