/** THROW-AWAY COPY of the notification API until main has the module. */
package org.kepu.notification;
