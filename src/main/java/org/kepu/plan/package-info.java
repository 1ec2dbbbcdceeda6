/**
 * 规划/实施方案/年度工作要点: plans, their task trees, responsible units, targets and progress reports, and the
 * import of a plan from its official text.
 */
package org.kepu.plan;
