package org.kepu.identity;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document of {@code /api/v1}: every operation takes a personal API token as a Bearer token. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

    static final String BEARER = "bearerToken";

    @Bean
    OpenAPI kepuOpenApi() {
        return new OpenAPI()
                .info(new Info().title("科普工作平台 API").version("v1")
                        .description("在“我的账号 → API 令牌”中生成令牌，在请求头中加入 Authorization: Bearer <令牌>。"
                                + "令牌的权限与管理范围与账号相同；未带令牌或令牌无效时返回 401。")
                        .license(new License().name("Apache-2.0")))
                .components(new Components().addSecuritySchemes(BEARER, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("kepu_…")
                        .description("个人 API 令牌")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }
}
