package org.kepu.organization.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.kepu.organization.ActionRole;
import org.kepu.organization.internal.LiaisonView;
import org.kepu.organization.internal.UnitCommands;
import org.kepu.organization.internal.UnitData;
import org.kepu.organization.internal.UnitDetail;
import org.kepu.organization.internal.UnitQueries;
import org.kepu.organization.internal.UnitRow;
import org.kepu.shared.BadRequestException;
import org.kepu.shared.CurrentUser;
import org.kepu.shared.CurrentUsers;
import org.kepu.shared.KeyGroup;
import org.kepu.shared.PageResult;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Member units over JSON, with the same scope and role rules as the pages. */
@RestController
@RequestMapping("/api/v1/units")
@Tag(name = "units", description = "成员单位")
class UnitApiController {

    /** A unit in lists. */
    record UnitSummary(long id, String name, String shortName, String unitType, String divisionCode, boolean active,
            int sortOrder, int version) {

        static UnitSummary of(UnitRow r) {
            return new UnitSummary(r.id(), r.name(), r.shortName(), r.unitType(), r.divisionCode(), r.active(),
                    r.sortOrder(), r.version());
        }
    }

    /** One page of units. */
    record UnitPage(List<UnitSummary> items, int page, int size, long total) {
    }

    /** A liaison; the phone is masked unless the caller is an office admin. */
    record LiaisonResponse(long id, String name, String post, String phone, String email) {

        static LiaisonResponse of(LiaisonView l) {
            return new LiaisonResponse(l.id(), l.name(), l.post(), l.phone(), l.email());
        }
    }

    /** A unit with its duties, key-group roles, liaisons and aliases (other written names). */
    record UnitResponse(long id, String name, String shortName, String unitType, String divisionCode, String duties,
            boolean active, int sortOrder, int version, Map<KeyGroup, ActionRole> keyGroupRoles,
            List<LiaisonResponse> liaisons, List<String> aliases) {

        static UnitResponse of(UnitDetail u) {
            return new UnitResponse(u.id(), u.name(), u.shortName(), u.unitType(), u.divisionCode(), u.duties(),
                    u.active(), u.sortOrder(), u.version(), u.roles(),
                    u.liaisons().stream().map(LiaisonResponse::of).toList(),
                    u.aliases().stream().map(a -> a.alias()).toList());
        }
    }

    /** Create or update a unit; on update, {@code version} is the one read, and {@code active} may be changed. */
    record UnitRequest(String name, String shortName, String unitType, String duties, Integer sortOrder,
            Map<KeyGroup, ActionRole> keyGroupRoles, Boolean active, Integer version) {

        UnitData toData() {
            return new UnitData(name, shortName, unitType, duties, sortOrder, keyGroupRoles);
        }
    }

    private final UnitQueries queries;
    private final UnitCommands commands;

    UnitApiController(UnitQueries queries, UnitCommands commands) {
        this.queries = queries;
        this.commands = commands;
    }

    @GetMapping
    @Operation(summary = "List the member units the caller may see")
    UnitPage list(@Parameter(description = "text in name, short name or duties") @RequestParam(required = false)
            String q, @Parameter(description = "PARTY, GOVERNMENT, PEOPLES_ORGANIZATION, PUBLIC_INSTITUTION, OTHER")
            @RequestParam(required = false) String type,
            @Parameter(description = "true, false; absent = both") @RequestParam(required = false) Boolean active,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        int p = PageResult.clampPage(page);
        int s = PageResult.clampSize(size);
        var r = queries.list(CurrentUsers.require(), new UnitQueries.Filter(q, type, active), p, s);
        return new UnitPage(r.rows().stream().map(UnitSummary::of).toList(), p, s, r.total());
    }

    @GetMapping("/{id}")
    @Operation(summary = "Get one member unit (404 outside the caller's scope)")
    UnitResponse get(@PathVariable long id) {
        return UnitResponse.of(queries.detail(CurrentUsers.require(), id));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a member unit at the caller's division (office admin)")
    UnitResponse create(@RequestBody UnitRequest request) {
        CurrentUser user = CurrentUsers.require();
        long id = commands.create(user, request.toData());
        return UnitResponse.of(queries.detail(user, id));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Update a member unit (office admin in scope); 409 when the version is stale")
    UnitResponse update(@PathVariable long id, @RequestBody UnitRequest request) {
        CurrentUser user = CurrentUsers.require();
        if (request.version() == null) {
            throw new BadRequestException("unit.error.versionRequired");
        }
        commands.update(user, id, request.toData(), request.version(), request.active());
        return UnitResponse.of(queries.detail(user, id));
    }
}
