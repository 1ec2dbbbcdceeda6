package org.kepu.region.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.kepu.region.internal.DivisionBrowser;
import org.kepu.region.internal.DivisionRow;
import org.kepu.shared.CurrentUser;
import org.kepu.shared.CurrentUsers;
import org.kepu.shared.PageResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Read API of the division tree, limited like the pages to the caller's subtree. */
@RestController
@RequestMapping("/api/v1/divisions")
@Tag(name = "divisions", description = "行政区划")
class DivisionApiController {

    /** A division in API responses. */
    record DivisionResponse(String code, String parentCode, String name, int level, String path, Integer population,
            String urbanRural, int childCount, int version) {

        static DivisionResponse of(DivisionRow r) {
            return new DivisionResponse(r.code(), r.parentCode(), r.name(), r.level(), r.path(), r.population(),
                    r.urbanRural(), r.childCount(), r.version());
        }
    }

    /** One page of divisions. */
    record DivisionPage(List<DivisionResponse> items, int page, int size, long total) {
    }

    private final DivisionBrowser browser;

    DivisionApiController(DivisionBrowser browser) {
        this.browser = browser;
    }

    @GetMapping
    @Operation(summary = "List divisions",
            description = "Without level: the children of 'parent' (or the caller's top division(s) when parent is"
                    + " absent). With level (1 province … 5 village): the divisions of that level in the subtree of"
                    + " 'parent' (or of the caller's scope).")
    DivisionPage list(@Parameter(description = "code of the parent / subtree root") @RequestParam(required = false)
            String parent, @Parameter(description = "1..5") @RequestParam(required = false) Integer level,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        CurrentUser user = CurrentUsers.require();
        int p = PageResult.clampPage(page);
        int s = PageResult.clampSize(size);
        if (level != null) {
            PageResult<DivisionRow> r = browser.subtree(user, parent, level, p, s);
            return new DivisionPage(r.rows().stream().map(DivisionResponse::of).toList(), p, s, r.total());
        }
        List<DivisionRow> all = parent == null || parent.isBlank() ? browser.tops(user)
                : browser.children(user, parent);
        List<DivisionResponse> items = all.stream().skip((long) (p - 1) * s).limit(s).map(DivisionResponse::of)
                .toList();
        return new DivisionPage(items, p, s, all.size());
    }

    @GetMapping("/{code}")
    @Operation(summary = "Get one division by code (404 outside the caller's scope)")
    DivisionResponse get(@PathVariable String code) {
        return DivisionResponse.of(browser.row(CurrentUsers.require(), code));
    }
}
