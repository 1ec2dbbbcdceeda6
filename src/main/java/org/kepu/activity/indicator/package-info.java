/**
 * The activity ledger's registration with the indicator engine: {@link
 * org.kepu.activity.indicator.ActivityLedgerSource} (source {@code activity}); its change triggers are in
 * migration V810.
 */
package org.kepu.activity.indicator;
