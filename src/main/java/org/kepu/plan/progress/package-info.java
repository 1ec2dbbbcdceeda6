/**
 * 进度报送: the responsible units' quarterly progress reports on their tasks and their annual implementation
 * reports, the office's review, overdue rules, reminders, the reporting-status page and the units × tasks matrix.
 */
package org.kepu.plan.progress;
