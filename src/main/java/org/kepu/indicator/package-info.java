/**
 * 指标: data elements aggregated from the ledgers (each ledger registers itself as a {@link
 * org.kepu.indicator.LedgerSource}), indicator formulas over them, targets with their status, and the value cache
 * that keeps figures fast and current. Other modules use {@link org.kepu.indicator.IndicatorService} and {@link
 * org.kepu.indicator.TargetService}.
 */
package org.kepu.indicator;
