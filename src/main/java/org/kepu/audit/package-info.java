/** The tamper-evident operation log: logins, every change with before/after, exports; read by the audit admin. */
package org.kepu.audit;
