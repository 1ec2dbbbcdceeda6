package org.kepu.identity.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.kepu.shared.CurrentUser;
import org.kepu.shared.CurrentUsers;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who the caller of the API is, and which part of the records it may see. */
@RestController
@Tag(name = "账号", description = "当前调用者的身份与管理范围")
class MeApiController {

    /** The caller: role and scope (division path and/or member unit id; {@code none} = sees no records). */
    record Me(long id, String username, String displayName, String role, String scopeDivisionPath,
            Long scopeUnitId, boolean scopeNone) {
    }

    @GetMapping("/api/v1/me")
    @Operation(summary = "当前调用者", description = "返回令牌或会话对应的账号、角色及数据范围。")
    Me me() {
        CurrentUser u = CurrentUsers.require();
        return new Me(u.id(), u.username(), u.displayName(), u.role().name(), u.scope().divisionPath(),
                u.scope().unitId(), u.scope().none());
    }
}
