/** 科普活动台账: recording, reviewing and listing science-popularization activities and their evidence. */
package org.kepu.activity;
