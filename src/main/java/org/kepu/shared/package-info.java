/**
 * The small kernel every module uses: the caller and its data scope, roles, errors, paging, periods and the
 * embedded PostgreSQL that the application starts when no external database is configured.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.kepu.shared;
