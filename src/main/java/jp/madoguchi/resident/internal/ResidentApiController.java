package jp.madoguchi.resident.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import jp.madoguchi.audit.Channel;
import jp.madoguchi.resident.AccessPurpose;
import jp.madoguchi.resident.ResidentDetail;
import jp.madoguchi.resident.ResidentQuery;
import jp.madoguchi.resident.ResidentQueryException;
import jp.madoguchi.resident.ResidentRegister;
import jp.madoguchi.resident.ResidentSummary;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * 住民記録 API — the register for other office systems. Needs a signed-in staff session and the purpose of the
 * read in the {@code X-Access-Purpose} header; every hit is logged like a read on screen. Errors are RFC 9457
 * problem details with a Japanese {@code detail}.
 */
@RestController
@RequestMapping("/api/v1/residents")
@Tag(name = "住民記録", description = "Resident register mirror (staff only, audited)")
class ResidentApiController {

    private final ResidentRegister register;

    ResidentApiController(ResidentRegister register) {
        this.register = register;
    }

    @GetMapping
    @Operation(summary = "住民を検索する (search by kana and birth date, or by 宛名番号)")
    List<ResidentSummary> search(@RequestParam(required = false) String kana,
            @RequestParam(required = false) String birthDate, @RequestParam(required = false) String atenaNumber,
            @Parameter(description = "利用目的") @RequestHeader(name = "X-Access-Purpose", required = false)
            AccessPurpose purpose) {
        return register.search(new ResidentQuery(kana, birthDate, atenaNumber), purpose, Channel.API,
                "api:GET /api/v1/residents");
    }

    @GetMapping("/{atenaNumber}")
    @Operation(summary = "住民記録を照会する (current record, history and household)")
    ResponseEntity<ResidentDetail> read(@PathVariable String atenaNumber,
            @Parameter(description = "利用目的") @RequestHeader(name = "X-Access-Purpose", required = false)
            AccessPurpose purpose) {
        return ResponseEntity.of(register.read(atenaNumber, purpose, Channel.API,
                "api:GET /api/v1/residents/{atenaNumber}"));
    }

    @ExceptionHandler(ResidentQueryException.class)
    ProblemDetail badQuery(ResidentQueryException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("検索条件が正しくありません");
        problem.setProperty("field", e.field());
        return problem;
    }
}
