/** 行政区划: the division tree (province → city → county → township → village), codes, population, import. */
package org.kepu.region;
